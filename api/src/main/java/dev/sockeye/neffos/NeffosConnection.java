package dev.sockeye.neffos;

import dev.sockeye.Connection;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A connection of a neffos endpoint (neffos's {@code Conn}): one WebSocket, connected to any number
 * of namespaces. It is a {@link Connection} too, so the registry, targets, values and lifecycle work
 * as for Iris-protocol connections, with these neffos meanings:
 * <ul>
 *   <li>{@link #emit} and emits that reach it through a target that names no namespace room
 *       (a plain room, its ID, {@code all()}) are sent once in every namespace it is connected to,
 *       with no room; before it connects to any namespace they reach nobody;</li>
 *   <li>{@link #on} listeners hear the event from any namespace, after the namespace's own handler;</li>
 *   <li>{@link #join}/{@link #leave} manage plain registry rooms; neffos rooms are managed with
 *       {@link NamespaceConnection#joinRoom}, or by the client;</li>
 *   <li>{@link #emitMessage} sends a native message, which neffos.js hands to its
 *       {@code _OnNativeMessage} handler of namespace {@code ""}.</li>
 * </ul>
 *
 * <p>{@link #handshake()} is Iris's {@code websocket.GetContext(conn)}: the upgrade request's
 * headers (with {@code X-Websocket-Header-*} query parameters added as headers), query, principal.
 *
 * <p>Thread-safety: as {@link Connection}.
 */
public interface NeffosConnection extends Connection {

    /** @return the connection to that namespace, if connected */
    Optional<NamespaceConnection> namespace(String namespace);

    /** @return a snapshot of the names of the connected namespaces */
    Set<String> namespaces();

    /**
     * Connects to a namespace from the server side (neffos's {@code Conn.Connect}): the connect
     * hook runs (it may veto), the client is asked (its handlers must know the namespace), then the
     * connected hook runs. Already connected: completes at once.
     *
     * @return the namespace connection; failed with the vetoing exception, with
     *         {@link ErrorReplyException} ({@code bad namespace} when the namespace is not defined)
     */
    CompletionStage<NamespaceConnection> connect(String namespace);

    /**
     * @return how many times the client had tried to reconnect when it opened this connection
     *         (its {@code X-Websocket-Reconnect} header); 0 for a first connection
     */
    int reconnectTries();
}
