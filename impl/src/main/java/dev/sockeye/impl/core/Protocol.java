package dev.sockeye.impl.core;

import jakarta.websocket.server.HandshakeRequest;

/**
 * A wire protocol plugged into the connection core: what makes an endpoint speak Iris, neffos, or
 * any other protocol. One instance per endpoint, prepared once at creation; immutable and
 * thread-safe. The core owns everything a connection has whatever its protocol (its ID, handshake,
 * values, rooms through the registry, its one outbound queue, liveness, listeners, and the end
 * sequence, run exactly once); the protocol owns only the bytes on the wire and the protocol's own
 * control messages, through the {@link ProtocolSession} it opens for each connection.
 *
 * <p>A protocol <b>may</b>: decode inbound frames and dispatch them to the connection's listeners
 * or to its own handlers; frame an outbound {@link dev.sockeye.impl.route.Message} for one
 * recipient by its own wire rules (including refusing one it cannot carry); gate the admission of
 * a connection behind a protocol handshake and answer it its own way; keep per-connection state
 * (neffos namespaces, pending asks) and answer control messages (joins, leaves, asks); give the
 * application a richer view of the connection. A protocol <b>must not</b>: write to the container
 * session other than through {@link CoreConnection#enqueue}; close it other than through
 * {@link CoreConnection#end}; keep its own registry of connections or rooms (it joins and leaves
 * through the registry and hears leaves through {@link ProtocolSession#left}); block a container
 * thread. Adding a protocol is one new package implementing this interface and
 * {@link ProtocolSession}, and one factory method that creates its {@link CoreEndpoint}.
 */
public interface Protocol {

    /** @return the protocol as the public API names it */
    dev.sockeye.Protocol kind();

    /**
     * @return the request that the origin policy, the authorizer and the ID generator see; by
     *         default {@code request} itself (neffos adds the headers its clients send as query
     *         parameters)
     */
    default HandshakeRequest handshakeRequest(HandshakeRequest request) {
        return request;
    }

    /**
     * Starts the protocol's part of a connection whose socket has just opened. Called once per
     * connection, on the container's thread, while the connection is being constructed: the
     * session may keep {@code connection} but must not call it yet; {@link ProtocolSession#opened}
     * follows.
     */
    ProtocolSession open(CoreConnection connection);
}
