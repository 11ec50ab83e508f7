package dev.sockeye.neffos;

import dev.sockeye.ConnectionClosedException;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Emitter;
import dev.sockeye.Target;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One connection's presence in one neffos namespace (neffos's {@code NSConn}): what handlers and
 * hooks receive, and how the server emits, asks and manages rooms in that namespace.
 *
 * <h2>Rooms</h2>
 * A room of a namespace is a room of the endpoint's {@link ConnectionRegistry} named
 * {@link Namespaces#registryRoom(String, String) namespace/room}; the namespace itself is the room
 * {@code namespace/}. So {@code registry.to(Target.room("default/news"))} reaches this client (in
 * namespace {@code default}, room {@code news}) and any Iris-protocol connection that joined
 * {@code default/news}, each in its own protocol.
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread. Stages complete on the connection's reader thread
 * (the container's) when the client answers: compose them, never block on them inside a handler,
 * as the answer cannot be read while the handler blocks.
 */
public interface NamespaceConnection {

    /** @return the namespace name */
    String namespace();

    /** @return the whole connection (neffos's {@code Conn}): its ID, handshake, values */
    NeffosConnection connection();

    /** @return whether the connection is still connected to this namespace */
    boolean isConnected();

    /**
     * Emits an event to this client in this namespace, with no room.
     *
     * @param body encoded as {@link Emitter#emit} encodes; {@code byte[]}/{@code ByteBuffer} go as a binary frame
     * @return a stage completed once the frame is written
     */
    CompletionStage<Void> emit(String event, Object body);

    /**
     * Asks the client: emits the event and waits for the client handler's answer (neffos.js: the
     * handler returns {@code neffos.reply(body)}, or an {@code Error}).
     *
     * @param timeout how long to wait; positive
     * @return the reply; failed with {@link ErrorReplyException} carrying the client's error text,
     *         with {@link java.util.concurrent.TimeoutException} when no answer came in time, or
     *         with {@link ConnectionClosedException} when the connection ended first
     */
    CompletionStage<NeffosMessage> ask(String event, Object body, Duration timeout);

    /**
     * Joins a room from the server side: the room-join hook runs (it may veto), the client is asked
     * to join (its own hook may refuse), then the connection is added and the joined hooks run.
     * Joining a room it is already in completes at once.
     *
     * @return the room; failed with the vetoing exception or an {@link ErrorReplyException}
     */
    CompletionStage<NamespaceRoom> joinRoom(String room);

    /**
     * Leaves a room from the server side: the leave hook (it may veto), the client is told, the
     * connection is removed and the left hooks run. Leaving a room it is not in completes at once.
     */
    CompletionStage<Void> leaveRoom(String room);

    /** @return the joined room of that name, if this connection is in it in this namespace */
    Optional<NamespaceRoom> room(String room);

    /** @return a snapshot of the names of the rooms joined in this namespace */
    Set<String> rooms();

    /**
     * An emitter within this namespace: {@link Target#room} is a room of this namespace,
     * {@link Target#all()} every connection connected to it, {@link Target#allExcept(String)} all
     * of them but one, and {@link Target#connection(String)} that connection if it is connected to
     * this namespace. With a cluster bus every target reaches the connections of every node. Each
     * recipient gets the frame in its own protocol; the body is encoded once per emit.
     */
    Emitter to(Target target);

    /**
     * Disconnects from this namespace from the server side: leaves its rooms, runs the disconnect
     * hook (forced), tells the client. The connection itself stays open.
     */
    CompletionStage<Void> disconnect();
}
