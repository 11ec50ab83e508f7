package dev.sockeye.bench;

import dev.sockeye.SockeyeEndpoint;

import java.util.concurrent.CompletionStage;

/**
 * The application one benchmark server runs, in one of two implementations that do the same work:
 * Sockeye ({@link SockeyeServer}) and a hand-written raw Jakarta WebSocket endpoint
 * ({@link RawServer}). Both answer {@code echo} (text) and {@code json} (a {@link Move}) events,
 * put a connection whose query says {@code room=<name>} in that room, and emit one text event to a
 * room or to everybody, encoding the frame once.
 */
interface ServerUnderTest {

    /** The path both implementations are deployed at. */
    String PATH = "/bench";

    /** @return what the embedded server deploys */
    SockeyeEndpoint endpoint();

    /** @return the connections open on this node */
    int connections();

    /**
     * @return the connections open on every node of the cluster, or {@link #connections()} when
     *         there is none
     */
    default CompletionStage<Integer> clusterConnections() {
        return java.util.concurrent.CompletableFuture.completedFuture(connections());
    }

    /** Emits a text event to the members of a room; the stage completes when every local write ended. */
    CompletionStage<Void> emitToRoom(String room, String event, String text);

    /** Emits a text event to every connection (of the cluster, if any); the stage as above. */
    CompletionStage<Void> emitToAll(String event, String text);

    /** Stops what the application started besides the server (a cluster bus). */
    default void close() {
    }
}
