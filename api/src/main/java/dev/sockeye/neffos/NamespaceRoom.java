package dev.sockeye.neffos;

import dev.sockeye.Emitter;

import java.util.concurrent.CompletionStage;

/**
 * A room that a {@link NamespaceConnection} has joined (neffos's {@code Room}).
 *
 * <p>Thread-safe. The handle stays valid after the room is left; its emits then still reach the
 * client, which ignores nothing by room.
 */
public interface NamespaceRoom {

    /** @return the room name, as the client knows it */
    String name();

    /** @return the namespace connection that joined the room */
    NamespaceConnection namespaceConnection();

    /**
     * Emits to this one client, with the message's room set to this room (neffos's server-side
     * {@code Room.Emit}).
     *
     * @return a stage completed once the frame is written
     */
    CompletionStage<Void> emit(String event, Object body);

    /** @return an emitter to every other member of this room in this namespace, on every node of a cluster */
    Emitter others();

    /**
     * Leaves the room as {@link NamespaceConnection#leaveRoom(String)} does.
     *
     * @return a stage completed once the client has confirmed
     */
    CompletionStage<Void> leave();
}
