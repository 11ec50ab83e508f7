package dev.sockeye.impl.protocol.iris;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionListener;
import dev.sockeye.MalformedFrameException;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.InboundMessage;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.core.CoreConnection;
import dev.sockeye.impl.core.ProtocolSession;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.Delivery;

import jakarta.websocket.CloseReason;

import java.nio.ByteBuffer;

/**
 * The Iris protocol's part of one connection: admission at once, then each frame decoded and
 * dispatched to the connection's listeners. It keeps no state of its own.
 */
final class IrisSession implements ProtocolSession {

    private static final System.Logger LOG = System.getLogger(IrisSession.class.getName());

    private final CoreConnection connection;
    private final IrisCodec codec;
    private final ConnectionListener listener;

    IrisSession(CoreConnection connection, IrisCodec codec, ConnectionListener listener) {
        this.connection = connection;
        this.codec = codec;
        this.listener = listener;
    }

    /**
     * Registers the connection and hands it to the connection listener; a duplicate ID is closed
     * with 1008, a connection of a closed endpoint with 1001, both before any listener sees it, and
     * a listener that throws closes it with 1011.
     */
    @Override
    public void opened() {
        switch (connection.register()) {
            case DUPLICATE_ID -> {
                connection.end(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "connection id already connected"),
                        CoreConnection.EndMode.IMMEDIATE);
                return;
            }
            case ENDPOINT_CLOSED -> {
                connection.end(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "endpoint closed"),
                        CoreConnection.EndMode.IMMEDIATE);
                return;
            }
            case ADMITTED -> {
                // handed to the listener below
            }
        }
        try {
            listener.onConnection(connection);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the connection listener threw; closing " + connection.id(), e);
            connection.end(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "connection listener failed"),
                    CoreConnection.EndMode.IMMEDIATE);
        }
    }

    @Override
    public void text(String text) {
        InboundMessage message;
        try {
            message = codec.decode(text);
        } catch (MalformedFrameException e) {
            connection.listeners().error(e);
            return;
        }
        dispatch(message);
    }

    @Override
    public void binary(ByteBuffer bytes) {
        InboundMessage message;
        try {
            message = codec.decode(bytes);
        } catch (MalformedFrameException e) {
            connection.listeners().error(e);
            return;
        }
        dispatch(message);
    }

    private void dispatch(InboundMessage message) {
        if (message instanceof InboundMessage.Event event) {
            connection.listeners().dispatch(event);
        } else if (message instanceof InboundMessage.Native nativeMessage) {
            connection.listeners().dispatchNative(nativeMessage.bytes());
        }
    }

    /**
     * Frames the message by the Iris rules; a message scoped to a protocol scope (a neffos
     * namespace) is not for an Iris connection.
     *
     * @throws IllegalArgumentException for an event name with {@code ';'}
     */
    @Override
    public void send(Target target, Message message, Delivery delivery) {
        if (message.scope() != null) {
            delivery.sent();
            return;
        }
        connection.enqueue(message.frame(codec), delivery);
    }

    @Override
    public Connection view() {
        return connection;
    }
}
