package dev.sockeye;

import java.util.Objects;

/**
 * Who receives an emit: the members of a room, one connection, every connection of the endpoint,
 * or every connection but one. Replaces Iris's magic strings ({@code websocket.All},
 * {@code websocket.Broadcast}/{@code NotMe}, a room name or an ID).
 *
 * <p>Targets are immutable values and safe to share between threads.
 */
public sealed interface Target permits Target.ToRoom, Target.ToConnection, Target.ToAll, Target.ToAllExcept {

    /** Every member of {@code room}, the sender included when it has joined. A room with no members receives nothing. */
    static Target room(String room) {
        return new ToRoom(room);
    }

    /** The one connection with this ID, if it is connected; nobody otherwise. */
    static Target connection(String connectionId) {
        return new ToConnection(connectionId);
    }

    /** Every connection of the endpoint, the sender included. */
    static Target all() {
        return ToAll.INSTANCE;
    }

    /** Every connection of the endpoint except the one with this ID (Iris's {@code Broadcast}/{@code NotMe}). */
    static Target allExcept(String connectionId) {
        return new ToAllExcept(connectionId);
    }

    /** Every connection of the endpoint except {@code connection}. */
    static Target allExcept(Connection connection) {
        return new ToAllExcept(connection.id());
    }

    /** @param name the room name; not {@code null} */
    record ToRoom(String name) implements Target {
        public ToRoom {
            Objects.requireNonNull(name, "room name");
        }
    }

    /** @param id the connection ID; not {@code null} */
    record ToConnection(String id) implements Target {
        public ToConnection {
            Objects.requireNonNull(id, "connection id");
        }
    }

    /** Every connection. */
    record ToAll() implements Target {
        static final ToAll INSTANCE = new ToAll();
    }

    /** @param excludedId the ID of the connection that does not receive; not {@code null} */
    record ToAllExcept(String excludedId) implements Target {
        public ToAllExcept {
            Objects.requireNonNull(excludedId, "excluded connection id");
        }
    }
}
