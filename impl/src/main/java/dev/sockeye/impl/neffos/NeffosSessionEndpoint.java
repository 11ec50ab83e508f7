package dev.sockeye.impl.neffos;

import dev.sockeye.MalformedFrameException;
import dev.sockeye.SockeyeException;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The container-facing endpoint of a neffos connection, one instance per connection: the
 * {@code M}/{@code A}/{@code H} handshake (frames that arrive before {@code M} is answered are kept
 * and handled after it), size limits, and the hand-over of parsed frames to {@link InboundDispatch}.
 * The container calls it one thread at a time per session.
 */
public final class NeffosSessionEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger(NeffosSessionEndpoint.class.getName());
    /** Frames a client may send before its {@code M}; more is abuse. */
    private static final int MAX_EARLY_FRAMES = 64;

    private final NeffosContext context;
    private NeffosSession connection;
    private InboundDispatch dispatch;
    /** Text ({@code String}) and binary ({@code byte[]}) frames received before the handshake ended. */
    private final List<Object> early = new ArrayList<>();
    private boolean handshakeDone;

    NeffosSessionEndpoint(NeffosContext context) {
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
        NeffosSession live = new NeffosSession(accepted.id(), HandshakeCapture.complete(accepted.handshake(), session),
                session, context);
        connection = live;
        dispatch = new InboundDispatch(live);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::onBinary);
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> live.markPong());
        live.startHeartbeat();
    }

    private void onText(String text) {
        if (tooBig(text.length() > context.config().maxMessageSize() ? text.length()
                : text.getBytes(StandardCharsets.UTF_8).length)) {
            return;
        }
        NeffosSession live = connection;
        if (live == null || !live.isOpen()) {
            return;
        }
        live.markRead();
        if (!handshakeDone) {
            if (text.equals(NeffosWire.ACK_REQUEST)) {
                handshake(live);
            } else {
                keepEarly(live, text);
            }
            return;
        }
        handle(live, text);
    }

    private void onBinary(ByteBuffer bytes) {
        if (tooBig(bytes.remaining())) {
            return;
        }
        NeffosSession live = connection;
        if (live == null || !live.isOpen()) {
            return;
        }
        live.markRead();
        if (!handshakeDone) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            keepEarly(live, copy);
            return;
        }
        handle(live, bytes);
    }

    private void keepEarly(NeffosSession live, Object frame) {
        if (early.size() >= MAX_EARLY_FRAMES) {
            live.listeners().error(new SockeyeException("more than " + MAX_EARLY_FRAMES
                    + " frames before the neffos handshake message M; closing with 1008"));
            live.end(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no handshake"),
                    NeffosSession.EndMode.IMMEDIATE);
            return;
        }
        early.add(frame);
    }

    /**
     * The client's {@code M}: the connect hook decides; then {@code A<id>} and the early frames,
     * or {@code H<error>} and the close.
     */
    private void handshake(NeffosSession live) {
        handshakeDone = true;
        if (context.registry().hasGoneAway(context)) {
            live.refuse("endpoint closed", CloseReason.CloseCodes.GOING_AWAY);
            return;
        }
        var hook = context.definition().onConnect();
        if (hook.isPresent()) {
            try {
                hook.get().handle(live);
            } catch (Exception e) {
                live.refuse(InboundDispatch.errorText(e));
                return;
            }
        }
        if (!live.isOpen()) {
            return;
        }
        if (!context.registry().register(live)) {
            live.refuse("connection id already connected");
            return;
        }
        if (context.registry().hasGoneAway(context)) {
            // the endpoint was closed while the connect hook ran
            live.refuse("endpoint closed", CloseReason.CloseCodes.GOING_AWAY);
            return;
        }
        live.acknowledge();
        List<Object> frames = List.copyOf(early);
        early.clear();
        for (Object frame : frames) {
            if (!live.isOpen()) {
                return;
            }
            if (frame instanceof String text) {
                handle(live, text);
            } else {
                handle(live, ByteBuffer.wrap((byte[]) frame));
            }
        }
    }

    private void handle(NeffosSession live, String text) {
        NeffosFrame frame;
        try {
            frame = NeffosWire.parse(text, context.nativeMessages());
        } catch (MalformedFrameException e) {
            malformed(live, e, NeffosWire.invalidPayloadReply(text));
            return;
        }
        dispatch.dispatch(frame);
    }

    private void handle(NeffosSession live, ByteBuffer bytes) {
        NeffosFrame frame;
        try {
            frame = NeffosWire.parse(bytes, context.nativeMessages());
        } catch (MalformedFrameException e) {
            malformed(live, e, NeffosWire.invalidPayloadReply(bytes));
            return;
        }
        dispatch.dispatch(frame);
    }

    /** The error listeners hear it; a client ask among malformed frames gets {@code invalid payload}. */
    private static void malformed(NeffosSession live, MalformedFrameException problem, String reply) {
        live.listeners().error(problem);
        if (reply != null) {
            live.send(AddressCodec.text(reply));
        }
    }

    /** {@code maxMessageSize} on whole messages, as the Iris endpoint enforces it: 1009 beyond. */
    private boolean tooBig(long size) {
        int max = context.config().maxMessageSize();
        NeffosSession live = connection;
        if (size <= max || live == null) {
            return false;
        }
        live.listeners().error(new SockeyeException(
                "message of " + size + " bytes exceeds maxMessageSize " + max + " bytes; closing with 1009"));
        live.end(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message too big"), NeffosSession.EndMode.IMMEDIATE);
        return true;
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        NeffosSession live = connection;
        if (live != null) {
            live.end(closeReason, NeffosSession.EndMode.PEER_CLOSED);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        NeffosSession live = connection;
        if (live != null) {
            live.listeners().error(failure);
            if (!session.isOpen()) {
                live.end(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, String.valueOf(failure)),
                        NeffosSession.EndMode.PEER_CLOSED);
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
