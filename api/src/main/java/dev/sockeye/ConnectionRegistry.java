package dev.sockeye;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Every open connection of one endpoint and its rooms (Iris's {@code websocket.Server}). Use it to
 * look connections up, manage rooms by connection ID, and emit from outside any handler, for
 * example from a REST resource or a timer:
 * <pre>{@code
 * registry.to(Target.room("news")).emit("headline", headline);
 * }</pre>
 *
 * <p>Thread-safety: every method may be called from any thread while connections come and go.
 * Queries return immutable snapshots that never change afterwards; a connection that is closing
 * may still appear in a snapshot taken a moment before.
 */
public interface ConnectionRegistry {

    /** @return the open connection with this ID, if any */
    Optional<Connection> connection(String id);

    /** @return a snapshot of every open connection */
    Collection<Connection> connections();

    /** @return a snapshot of the members of {@code room}; empty for an unknown room */
    Collection<Connection> members(String room);

    /** @return a snapshot of the names of every room that has at least one member, own-ID rooms included */
    Set<String> rooms();

    /** @return the number of open connections */
    int count();

    /** @return whether a connection with this ID is open */
    boolean isConnected(String id);

    /** @return whether the connection with this ID is a member of {@code room} */
    boolean isJoined(String room, String id);

    /**
     * Adds a connection to a room.
     *
     * @return {@code true} if it joined; {@code false} if it was already a member or is not connected
     */
    boolean join(String room, String id);

    /**
     * Removes a connection from a room, calling its leave listeners.
     *
     * @return {@code true} if it was a member
     */
    boolean leave(String room, String id);

    /** Removes a connection from every room but its own ID room, calling its leave listeners once per room. */
    void leaveAll(String id);

    /**
     * Disconnects a connection as {@link Connection#disconnect()} does.
     *
     * @return the disconnect's stage, or a stage failed with {@link ConnectionClosedException} if no such connection is open
     */
    CompletionStage<Void> disconnect(String id);

    /**
     * @return an emitter with no sender: {@code Target.allExcept(id)} excludes that ID only. With a
     *         cluster bus the emit reaches the target's connections on every node.
     */
    Emitter to(Target target);

    /**
     * @return the whole cluster's view: counts, membership and commands across nodes. Without a
     *         cluster bus it answers from this node alone. The other methods of this interface are
     *         about this node's connections only.
     */
    ClusterView cluster();
}
