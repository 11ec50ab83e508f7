package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.Config;
import dev.sockeye.ListenerException;
import dev.sockeye.MalformedFrameException;
import dev.sockeye.SockeyeException;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.core.CoreConnection;
import dev.sockeye.impl.core.ForwardingConnection;
import dev.sockeye.impl.core.ProtocolSession;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.Delivery;
import dev.sockeye.impl.send.FanOutDelivery;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.send.OutboundQueue;
import dev.sockeye.impl.send.SingleDelivery;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosConnection;

import jakarta.json.bind.Jsonb;
import jakarta.websocket.CloseReason;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The neffos protocol's part of one connection, and the {@link NeffosConnection} the application
 * sees: the {@code M}/{@code A}/{@code H} handshake (frames that arrive before {@code M} is answered
 * are kept and handled after it), the namespaces it is connected to, its pending asks, and the
 * framing of routed messages by namespace and room. What each message does is
 * {@link InboundDispatch}'s.
 *
 * <p>Until the client's {@code M} is acknowledged the connection is not in the registry, and frames
 * sent meanwhile (by the connect hook) wait, to follow the {@code A<id>} frame.
 */
final class NeffosSession extends ForwardingConnection implements ProtocolSession, NeffosConnection {

    /** Frames a client may send before its {@code M}; more is abuse. */
    private static final int MAX_EARLY_FRAMES = 64;

    private record Pending(OutboundFrame frame, Delivery delivery) {
    }

    private final NeffosProtocol protocol;
    private final ConcurrentHashMap<String, NamespaceState> namespaces = new ConcurrentHashMap<>();
    private final PendingAsks asks = new PendingAsks();
    private final List<Pending> beforeAck = new ArrayList<>();
    private final int reconnectTries;
    private final InboundDispatch dispatch;
    /** Text ({@code String}) and binary ({@code byte[]}) frames received before the handshake ended; container thread only. */
    private final List<Object> early = new ArrayList<>();
    private boolean handshakeDone;
    private volatile boolean acknowledged;

    NeffosSession(CoreConnection core, NeffosProtocol protocol) {
        super(core);
        this.protocol = protocol;
        this.reconnectTries = core.handshake().header("X-Websocket-Reconnect").map(NeffosSession::parseTries).orElse(0);
        this.dispatch = new InboundDispatch(this);
    }

    private static int parseTries(String value) {
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    NeffosProtocol context() {
        return protocol;
    }

    Config config() {
        return protocol.config();
    }

    LocalRegistry localRegistry() {
        return core().context().registry();
    }

    PayloadDecoder decoder() {
        return core().context().decoder();
    }

    Jsonb jsonb() {
        return core().context().jsonb();
    }

    /** @return the core connection, the registry's member */
    CoreConnection member() {
        return core();
    }

    PendingAsks asks() {
        return asks;
    }

    /** @return the live map of connected namespaces */
    ConcurrentHashMap<String, NamespaceState> namespaceStates() {
        return namespaces;
    }

    // --- inbound ----------------------------------------------------------------------------

    /** The neffos handshake waits for the client's {@code M}. */
    @Override
    public void opened() {
    }

    @Override
    public void text(String text) {
        if (!handshakeDone) {
            if (text.equals(NeffosWire.ACK_REQUEST)) {
                admit();
            } else {
                keepEarly(text);
            }
            return;
        }
        handle(text);
    }

    @Override
    public void binary(ByteBuffer bytes) {
        if (!handshakeDone) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            keepEarly(copy);
            return;
        }
        handle(bytes);
    }

    private void keepEarly(Object frame) {
        if (early.size() >= MAX_EARLY_FRAMES) {
            listeners().error(new SockeyeException("more than " + MAX_EARLY_FRAMES
                    + " frames before the neffos handshake message M; closing with 1008"));
            core().end(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no handshake"),
                    CoreConnection.EndMode.IMMEDIATE);
            return;
        }
        early.add(frame);
    }

    /**
     * The client's {@code M}: the connect hook decides; then {@code A<id>} and the early frames,
     * or {@code H<error>} and the close.
     */
    private void admit() {
        handshakeDone = true;
        if (core().endpointClosed()) {
            refuse("endpoint closed", CloseReason.CloseCodes.GOING_AWAY);
            return;
        }
        var hook = protocol.definition().onConnect();
        if (hook.isPresent()) {
            try {
                hook.get().handle(this);
            } catch (Exception e) {
                refuse(InboundDispatch.errorText(e), CloseReason.CloseCodes.VIOLATED_POLICY);
                return;
            }
        }
        if (!isOpen()) {
            return;
        }
        switch (core().register()) {
            case DUPLICATE_ID -> {
                refuse("connection id already connected", CloseReason.CloseCodes.VIOLATED_POLICY);
                return;
            }
            case ENDPOINT_CLOSED -> {
                // the endpoint was closed while the connect hook ran
                refuse("endpoint closed", CloseReason.CloseCodes.GOING_AWAY);
                return;
            }
            case ADMITTED -> acknowledge();
        }
        List<Object> frames = List.copyOf(early);
        early.clear();
        for (Object frame : frames) {
            if (!isOpen()) {
                return;
            }
            if (frame instanceof String text) {
                handle(text);
            } else {
                handle(ByteBuffer.wrap((byte[]) frame));
            }
        }
    }

    private void handle(String text) {
        NeffosFrame frame;
        try {
            frame = NeffosWire.parse(text, protocol.nativeMessages());
        } catch (MalformedFrameException e) {
            malformed(e, NeffosWire.invalidPayloadReply(text));
            return;
        }
        dispatch.dispatch(frame);
    }

    private void handle(ByteBuffer bytes) {
        NeffosFrame frame;
        try {
            frame = NeffosWire.parse(bytes, protocol.nativeMessages());
        } catch (MalformedFrameException e) {
            malformed(e, NeffosWire.invalidPayloadReply(bytes));
            return;
        }
        dispatch.dispatch(frame);
    }

    /** The error listeners hear it; a client ask among malformed frames gets {@code invalid payload}. */
    private void malformed(MalformedFrameException problem, String reply) {
        listeners().error(problem);
        if (reply != null) {
            send(AddressCodec.text(reply));
        }
    }

    // --- sending ----------------------------------------------------------------------------

    /** Queues a frame for this connection; before the acknowledgement it waits. */
    void send(OutboundFrame frame, Delivery delivery) {
        if (!acknowledged) {
            synchronized (beforeAck) {
                if (!acknowledged) {
                    beforeAck.add(new Pending(frame, delivery));
                    return;
                }
            }
        }
        core().enqueue(frame, delivery);
    }

    /** @return a stage completed once {@code frame} is written */
    CompletionStage<Void> send(OutboundFrame frame) {
        SingleDelivery delivery = new SingleDelivery();
        send(frame, delivery);
        return delivery;
    }

    /**
     * Acknowledges the connection: {@code A<id>}, then what waited for it. Later sends go straight
     * to the queue.
     */
    private void acknowledge() {
        synchronized (beforeAck) {
            core().enqueue(AddressCodec.text(NeffosWire.ACK_ID + id()), Delivery.IGNORED);
            beforeAck.forEach(p -> core().enqueue(p.frame(), p.delivery()));
            beforeAck.clear();
            acknowledged = true;
        }
    }

    /** Answers the handshake with {@code H<errorText>} and closes with {@code code}. */
    private void refuse(String errorText, CloseReason.CloseCode code) {
        synchronized (beforeAck) {
            beforeAck.forEach(p -> p.delivery().failed(OutboundQueue.closedException()));
            beforeAck.clear();
        }
        core().enqueue(AddressCodec.text(NeffosWire.ACK_REFUSED + errorText), Delivery.IGNORED);
        core().end(new CloseReason(code, closeReason(errorText)), CoreConnection.EndMode.FLUSH);
    }

    /** A close reason holds at most 123 bytes. */
    private static String closeReason(String text) {
        String reason = text;
        while (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            reason = reason.substring(0, reason.length() - 1);
        }
        return reason;
    }

    /**
     * Frames a routed message: scoped to a namespace ({@link Message#scope()}), in that one if this
     * connection is connected to it, else not at all; for a namespace room ({@code ns/room},
     * {@code ns/}) this connection is in, with that address; for anything else once per connected
     * namespace, with no room. {@code delivery} hears exactly once, also when nothing is framed.
     */
    @Override
    public void send(Target target, Message message, Delivery delivery) {
        String scope = message.scope();
        if (scope != null) {
            if (namespaces.containsKey(scope)) {
                send(message.frame(protocol.codec(scope, "")), delivery);
            } else {
                delivery.sent();
            }
            return;
        }
        if (message.isNative()) {
            send(message.frame(protocol.codec("", "")), delivery);
            return;
        }
        if (target instanceof Target.ToRoom room) {
            String name = room.name();
            int separator = name.indexOf(Namespaces.ROOM_SEPARATOR);
            NamespaceState state = separator < 0 ? null : namespaces.get(name.substring(0, separator));
            String roomName = separator < 0 ? null : name.substring(separator + 1);
            if (state != null && (roomName.isEmpty() || state.hasRoom(roomName))) {
                send(message.frame(protocol.codec(state.namespace(), roomName)), delivery);
                return;
            }
        }
        sendInEveryNamespace(message, delivery);
    }

    /**
     * Frames the message once per connected namespace. One namespace (the usual case) uses
     * {@code delivery} itself; several share one fan-out that tells it once every write has ended.
     */
    private void sendInEveryNamespace(Message message, Delivery delivery) {
        NamespaceState first = null;
        FanOutDelivery several = null;
        for (NamespaceState state : namespaces.values()) {
            if (first == null) {
                first = state;
                continue;
            }
            if (several == null) {
                several = new FanOutDelivery();
                several.expect();
                send(message.frame(protocol.codec(first.namespace(), "")), several);
            }
            several.expect();
            send(message.frame(protocol.codec(state.namespace(), "")), several);
        }
        if (several != null) {
            several.sealed().whenComplete((written, failure) -> delivery.sent());
        } else if (first != null) {
            send(message.frame(protocol.codec(first.namespace(), "")), delivery);
        } else {
            delivery.sent();
        }
    }

    // --- registry and lifecycle -------------------------------------------------------------

    /** The registry's API removed this connection from a namespace room: the namespace follows. */
    @Override
    public void left(String room) {
        int separator = room.indexOf(Namespaces.ROOM_SEPARATOR);
        if (separator > 0 || (separator == 0 && room.length() > 1)) {
            NamespaceState state = namespaces.get(room.substring(0, separator));
            if (state != null) {
                state.leftThroughRegistry(room.substring(separator + 1));
            }
        }
    }

    /** Every namespace disconnects (forced room leaves and disconnect hooks) before the rooms are left. */
    @Override
    public void ending() {
        for (NamespaceState state : List.copyOf(namespaces.values())) {
            state.disconnectForced();
        }
    }

    /** Waiting asks fail; the endpoint's disconnect listener hears an acknowledged connection. */
    @Override
    public void ended() {
        asks.failAll(OutboundQueue.closedException());
        if (acknowledged) {
            protocol.definition().onDisconnect().ifPresent(listener -> {
                try {
                    listener.accept(this);
                } catch (RuntimeException e) {
                    listeners().error(new ListenerException("the neffos disconnect listener threw " + e, e));
                }
            });
        }
    }

    @Override
    public NeffosConnection view() {
        return this;
    }

    // --- NeffosConnection -------------------------------------------------------------------

    @Override
    public Optional<NamespaceConnection> namespace(String namespace) {
        return Optional.ofNullable(namespaces.get(namespace));
    }

    @Override
    public Set<String> namespaces() {
        return Set.copyOf(namespaces.keySet());
    }

    @Override
    public CompletionStage<NamespaceConnection> connect(String namespace) {
        return NamespaceState.connectFromServer(this, namespace);
    }

    @Override
    public int reconnectTries() {
        return reconnectTries;
    }

    @Override
    public String toString() {
        return "NeffosConnection[" + id() + "]";
    }
}
