package dev.sockeye.impl.session;

import dev.sockeye.MalformedFrameException;
import dev.sockeye.impl.codec.InboundMessage;
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
 * The container-facing endpoint: one instance per connection. It turns the container's callbacks
 * into the connection's lifecycle and its frames into dispatched events. The container calls it one
 * thread at a time per session, so it needs no locks.
 */
public final class SessionEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger(SessionEndpoint.class.getName());

    private final EndpointContext context;
    private LiveConnection connection;

    public SessionEndpoint(EndpointContext context) {
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
        LiveConnection live = new LiveConnection(accepted.id(),
                HandshakeCapture.complete(accepted.handshake(), session),
                session, context);
        if (!context.registry().register(live)) {
            closeQuietly(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    "connection id already connected"));
            return;
        }
        if (context.registry().hasGoneAway(context)) {
            // the endpoint was closed while this handshake was in flight: no listener sees it
            live.end(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "endpoint closed"),
                    LiveConnection.EndMode.IMMEDIATE);
            return;
        }
        connection = live;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::onBinary);
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> live.markPong());
        try {
            context.listener().onConnection(live);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the connection listener threw; closing " + live.id(), e);
            live.end(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "connection listener failed"),
                    LiveConnection.EndMode.IMMEDIATE);
            return;
        }
        live.startHeartbeat();
    }

    private void onText(String text) {
        if (!tooBig(utf8Length(text))) {
            handle(text);
        }
    }

    private void onBinary(ByteBuffer bytes) {
        if (!tooBig(bytes.remaining())) {
            handle(bytes);
        }
    }

    /**
     * Enforces {@code maxMessageSize} on whole messages ourselves: containers apply their buffer
     * limits only to some read paths (Tyrus only to fragmented messages), and the rule must hold
     * everywhere. An oversize message ends the connection with 1009.
     */
    private boolean tooBig(long size) {
        int max = context.config().maxMessageSize();
        LiveConnection live = connection;
        if (size <= max || live == null) {
            return false;
        }
        live.listeners().error(new dev.sockeye.SockeyeException(
                "message of " + size + " bytes exceeds maxMessageSize " + max + " bytes; closing with 1009"));
        live.end(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message too big"), LiveConnection.EndMode.IMMEDIATE);
        return true;
    }

    /**
     * The UTF-8 length of {@code text}, or a value that compares with the limit as it would: the
     * char count when that alone decides (over the limit, or at most a third of it).
     */
    private long utf8Length(String text) {
        int max = context.config().maxMessageSize();
        if (text.length() > max) {
            return text.length();
        }
        if (text.length() <= max / 3) {
            return text.length(); // three UTF-8 bytes per char at most: certainly within the limit
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Decodes a text ({@code String}) or binary ({@code ByteBuffer}) frame and dispatches it. */
    private void handle(Object frame) {
        LiveConnection live = connection;
        if (live == null || !live.isOpen()) {
            return;
        }
        live.markRead();
        InboundMessage message;
        try {
            message = frame instanceof String text ? context.codec().decode(text)
                    : context.codec().decode((ByteBuffer) frame);
        } catch (MalformedFrameException e) {
            live.listeners().error(e);
            return;
        }
        if (message instanceof InboundMessage.Event event) {
            live.listeners().dispatch(event);
        } else if (message instanceof InboundMessage.Native nativeMessage) {
            live.listeners().dispatchNative(nativeMessage.bytes());
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        LiveConnection live = connection;
        if (live != null) {
            live.end(closeReason, LiveConnection.EndMode.PEER_CLOSED);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LiveConnection live = connection;
        if (live != null) {
            live.listeners().error(failure);
            if (!session.isOpen()) {
                live.end(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, String.valueOf(failure)),
                        LiveConnection.EndMode.PEER_CLOSED);
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
