package dev.sockeye.impl.core;

import dev.sockeye.SockeyeException;
import dev.sockeye.impl.codec.Utf8;
import dev.sockeye.impl.handshake.HandshakeCapture;
import dev.sockeye.impl.handshake.HandshakeOutcome;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The container-facing endpoint of every protocol: one instance per connection. It turns the
 * container's callbacks into the connection's lifecycle, enforces {@code maxMessageSize}, and hands
 * whole messages to the connection's protocol. The container calls it one thread at a time per
 * session, so it needs no locks.
 */
public final class ConnectionEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger(ConnectionEndpoint.class.getName());

    private final EndpointContext context;
    private CoreConnection connection;

    public ConnectionEndpoint(EndpointContext context) {
        this.context = context;
    }

    @Override
    public void onOpen(Session session, EndpointConfig endpointConfig) {
        Object outcome = session.getUserProperties().remove(HandshakeOutcome.KEY);
        if (outcome == null) {
            outcome = endpointConfig.getUserProperties().get(HandshakeOutcome.KEY);
        }
        if (!(outcome instanceof HandshakeOutcome.Accepted accepted)) {
            String reason = outcome instanceof HandshakeOutcome.Refused refused ? refused.reason() : "handshake not seen";
            closeQuietly(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
            return;
        }
        int max = context.config().maxMessageSize();
        session.setMaxTextMessageBufferSize(max);
        session.setMaxBinaryMessageBufferSize(max);
        CoreConnection live = new CoreConnection(accepted.id(), HandshakeCapture.complete(accepted.handshake(), session),
                session, context);
        connection = live;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::onBinary);
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> live.markPong());
        live.protocol().opened();
        if (live.isOpen()) {
            live.startHeartbeat();
        }
    }

    private void onText(String text) {
        int max = context.config().maxMessageSize();
        int chars = text.length();
        // the char count decides alone when it is over the limit, or within a third of it (3 bytes a char at most)
        CoreConnection live = readable(chars > max || chars <= max / 3 ? chars : Utf8.encodedLength(text));
        if (live != null) {
            live.protocol().text(text);
        }
    }

    private void onBinary(ByteBuffer bytes) {
        CoreConnection live = readable(bytes.remaining());
        if (live != null) {
            live.protocol().binary(bytes);
        }
    }

    /**
     * Enforces {@code maxMessageSize} on whole messages itself: containers apply their buffer limits
     * only to some read paths (Tyrus only to fragmented messages), and the rule must hold everywhere.
     * An oversize message ends the connection with 1009.
     *
     * @param size the message's size in bytes (a text's char count when that alone is within the
     *             limit: three UTF-8 bytes per char at most)
     * @return the connection to hand the message to, or {@code null} when it must be dropped
     */
    private CoreConnection readable(long size) {
        CoreConnection live = connection;
        if (live == null || !live.isOpen()) {
            return null;
        }
        int max = context.config().maxMessageSize();
        if (size > max) {
            live.listeners().error(new SockeyeException(
                    "message of " + size + " bytes exceeds maxMessageSize " + max + " bytes; closing with 1009"));
            live.end(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message too big"), CoreConnection.EndMode.IMMEDIATE);
            return null;
        }
        live.markRead();
        return live;
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        CoreConnection live = connection;
        if (live != null) {
            live.end(closeReason, CoreConnection.EndMode.PEER_CLOSED);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        CoreConnection live = connection;
        if (live != null) {
            live.listeners().error(failure);
            if (!session.isOpen()) {
                live.end(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, String.valueOf(failure)),
                        CoreConnection.EndMode.PEER_CLOSED);
            }
        } else {
            LOG.log(System.Logger.Level.DEBUG, "error before the connection opened", failure);
        }
    }

    private static void closeQuietly(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }
}
