package dev.sockeye.impl.core;

import dev.sockeye.Connection;
import dev.sockeye.Target;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.Delivery;

import java.nio.ByteBuffer;

/**
 * A protocol's part of one connection (see {@link Protocol} for what it may and may not do).
 * The container calls {@link #opened}, {@link #text} and {@link #binary} one at a time per
 * connection, so inbound state needs no lock; {@link #send} is called by any thread that emits
 * and must be thread-safe.
 */
public interface ProtocolSession {

    /**
     * The socket opened; the connection is not registered yet. The session admits it with
     * {@link CoreConnection#register()} now (Iris) or when the protocol's own handshake completes
     * (neffos's {@code M}), or ends it.
     */
    void opened();

    /** A whole text message within {@code maxMessageSize}, read from the socket. */
    void text(String text);

    /** A whole binary message within {@code maxMessageSize}; the buffer is not retained by the caller. */
    void binary(ByteBuffer bytes);

    /**
     * Frames {@code message} for this connection, a recipient of {@code target}, and queues it with
     * {@link CoreConnection#enqueue}; {@code delivery} hears exactly once, also when the protocol
     * decides to send nothing (a message scoped to something the connection is not in).
     *
     * @throws IllegalArgumentException if the protocol cannot carry the message at all (an Iris
     *         event name with {@code ';'}); nothing is queued and {@code delivery} is not told
     */
    void send(Target target, Message message, Delivery delivery);

    /** The connection left {@code room} through the registry; its leave listeners run after this. */
    default void left(String room) {
    }

    /** The connection is ending: called once, before it leaves its rooms. */
    default void ending() {
    }

    /** The connection has ended: called once, after its disconnect listeners ran. */
    default void ended() {
    }

    /** @return the connection as the application sees it (listeners, hooks, registry queries) */
    Connection view();
}
