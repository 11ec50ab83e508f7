package dev.sockeye.impl.neffos;

import dev.sockeye.ConnectionRegistry;
import dev.sockeye.ConnectionValues;
import dev.sockeye.Emitter;
import dev.sockeye.Handshake;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosConnection;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.OutboundFrame;
import dev.sockeye.impl.dispatch.Listeners;
import dev.sockeye.impl.registry.JoinedRooms;
import dev.sockeye.impl.registry.Member;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.Delivery;
import dev.sockeye.impl.send.FanOutDelivery;
import dev.sockeye.impl.send.OutboundQueue;
import dev.sockeye.impl.send.SingleDelivery;
import dev.sockeye.impl.session.ListeningConnection;
import dev.sockeye.impl.session.Liveness;
import dev.sockeye.impl.session.MapConnectionValues;
import dev.sockeye.impl.session.SessionChannel;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One neffos connection over a container {@link Session}: identity, the namespaces it is connected
 * to, its registry rooms, its Iris-style listeners, and its one outbound queue. The protocol itself
 * (what each incoming message does) is {@link InboundDispatch}'s.
 *
 * <p>Until the client's {@code M} is acknowledged the connection is not in the registry, and frames
 * sent meanwhile (by the connect hook) wait, to follow the {@code A<id>} frame. Ending is guarded by
 * one flag, so that rooms, namespaces, listeners and the close happen exactly once, whoever ends first.
 */
final class NeffosSession implements NeffosConnection, ListeningConnection, Member {

    private static final System.Logger LOG = System.getLogger(NeffosSession.class.getName());

    /** How the connection ends: as {@code LiveConnection.EndMode}. */
    enum EndMode { FLUSH, IMMEDIATE, PEER_CLOSED }

    private record Pending(OutboundFrame frame, Delivery delivery) {
    }

    private final String id;
    private final Handshake handshake;
    private final NeffosContext context;
    private final Listeners listeners;
    private final SessionChannel channel;
    private final Liveness liveness;
    private final MapConnectionValues values = new MapConnectionValues();
    private final JoinedRooms rooms = new JoinedRooms();
    private final ConcurrentHashMap<String, NamespaceState> namespaces = new ConcurrentHashMap<>();
    private final PendingAsks asks = new PendingAsks();
    private final List<Pending> beforeAck = new ArrayList<>();
    private final int reconnectTries;
    private volatile boolean acknowledged;

    NeffosSession(String id, Handshake handshake, Session session, NeffosContext context) {
        this.id = id;
        this.handshake = handshake;
        this.context = context;
        this.listeners = new Listeners(context.decoder(), this::logUnhandled);
        SessionChannel.Failure failure = this::fail; // one object for both
        this.channel = new SessionChannel(session, context.config(), failure);
        this.liveness = new Liveness(context.config(), channel, listeners, failure);
        this.reconnectTries = handshake.header("X-Websocket-Reconnect").map(NeffosSession::parseTries).orElse(0);
    }

    private static int parseTries(String value) {
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    NeffosContext context() {
        return context;
    }

    @Override
    public Listeners listeners() {
        return listeners;
    }

    PendingAsks asks() {
        return asks;
    }

    /** @return the live map of connected namespaces */
    ConcurrentHashMap<String, NamespaceState> namespaceStates() {
        return namespaces;
    }

    boolean isAcknowledged() {
        return acknowledged;
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
        channel.enqueue(frame, delivery);
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
    void acknowledge() {
        synchronized (beforeAck) {
            channel.enqueue(AddressCodec.text(NeffosWire.ACK_ID + id), Delivery.IGNORED);
            beforeAck.forEach(p -> channel.enqueue(p.frame(), p.delivery()));
            beforeAck.clear();
            acknowledged = true;
        }
    }

    /** Refuses the connection: {@code H<error>}, then close with 1008. */
    void refuse(String errorText) {
        refuse(errorText, CloseReason.CloseCodes.VIOLATED_POLICY);
    }

    /** Answers the handshake with {@code H<errorText>} and closes with {@code code}. */
    void refuse(String errorText, CloseReason.CloseCode code) {
        synchronized (beforeAck) {
            beforeAck.forEach(p -> p.delivery().failed(OutboundQueue.closedException()));
            beforeAck.clear();
        }
        channel.enqueue(AddressCodec.text(NeffosWire.ACK_REFUSED + errorText), Delivery.IGNORED);
        end(new CloseReason(code, closeReason(errorText)), EndMode.FLUSH);
    }

    /** A close reason holds at most 123 bytes. */
    private static String closeReason(String text) {
        String reason = text;
        while (reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            reason = reason.substring(0, reason.length() - 1);
        }
        return reason;
    }

    // --- Member -----------------------------------------------------------------------------

    @Override
    public void send(Message message, Delivery delivery) {
        send(null, message, delivery);
    }

    /**
     * Frames a routed message: scoped to a namespace ({@link Message#namespace()}), in that one if
     * this connection is connected to it, else not at all; for a namespace room ({@code ns/room},
     * {@code ns/}) this connection is in, with that address; for anything else once per connected
     * namespace, with no room. {@code delivery} hears exactly once, also when nothing is framed.
     */
    @Override
    public void send(Target target, Message message, Delivery delivery) {
        String scope = message.namespace();
        if (scope != null) {
            if (namespaces.containsKey(scope)) {
                send(message.frame(context.codec(scope, "")), delivery);
            } else {
                delivery.sent();
            }
            return;
        }
        if (message.isNative()) {
            send(message.frame(context.codec("", "")), delivery);
            return;
        }
        if (target instanceof Target.ToRoom room) {
            String name = room.name();
            int separator = name.indexOf(Namespaces.ROOM_SEPARATOR);
            NamespaceState state = separator < 0 ? null : namespaces.get(name.substring(0, separator));
            String roomName = separator < 0 ? null : name.substring(separator + 1);
            if (state != null && (roomName.isEmpty() || state.hasRoom(roomName))) {
                send(message.frame(context.codec(state.namespace(), roomName)), delivery);
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
                send(message.frame(context.codec(first.namespace(), "")), several);
            }
            several.expect();
            send(message.frame(context.codec(state.namespace(), "")), several);
        }
        if (several != null) {
            several.sealed().whenComplete((written, failure) -> delivery.sent());
        } else if (first != null) {
            send(message.frame(context.codec(first.namespace(), "")), delivery);
        } else {
            delivery.sent();
        }
    }

    @Override
    public NeffosConnection connection() {
        return this;
    }

    @Override
    public JoinedRooms joinedRooms() {
        return rooms;
    }

    @Override
    public boolean acceptsJoins() {
        return !channel.isEnding();
    }

    @Override
    public void left(String room) {
        int separator = room.indexOf(Namespaces.ROOM_SEPARATOR);
        if (separator > 0 || (separator == 0 && room.length() > 1)) {
            NamespaceState state = namespaces.get(room.substring(0, separator));
            if (state != null) {
                state.leftThroughRegistry(room.substring(separator + 1));
            }
        }
        listeners.left(room);
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

    // --- Connection -------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public ConnectionValues values() {
        return values;
    }

    /** Emits in every connected namespace, with no room; completes at once when there is none. */
    @Override
    public CompletionStage<Void> emit(String event, Object value) {
        Message message;
        try {
            message = context.bodies().message(event, value);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (NamespaceState state : namespaces.values()) {
            sends.add(send(message.frame(context.codec(state.namespace(), ""))).toCompletableFuture());
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletionStage<Void> emitMessage(byte[] message) {
        return send(Message.nativeMessage(message.clone()).frame(context.codec("", "")));
    }

    @Override
    public Emitter to(Target target) {
        return context.registry().to(target);
    }

    @Override
    public boolean join(String room) {
        return context.registry().join(room, this);
    }

    @Override
    public boolean leave(String room) {
        return context.registry().leave(room, this);
    }

    @Override
    public boolean isJoined(String room) {
        return rooms.contains(room);
    }

    @Override
    public Set<String> rooms() {
        return rooms.snapshot();
    }

    @Override
    public boolean isOpen() {
        return !channel.isEnding();
    }

    @Override
    public CompletionStage<Void> disconnect() {
        return end(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""), EndMode.FLUSH);
    }

    @Override
    public ConnectionRegistry registry() {
        return context.registry();
    }

    @Override
    public Object endpoint() {
        return context;
    }

    @Override
    public CompletionStage<Void> goAway() {
        return end(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "endpoint closed"), EndMode.FLUSH);
    }

    // --- lifecycle --------------------------------------------------------------------------

    /**
     * Ends the connection once: every namespace disconnects (forced room leaves and disconnect
     * hooks), every registry room is left, the connection is unregistered, waiting asks fail, the
     * disconnect listeners run, then the close.
     */
    CompletionStage<Void> end(CloseReason reason, EndMode mode) {
        if (!channel.beginEnd()) {
            return CompletableFuture.failedFuture(OutboundQueue.closedException());
        }
        liveness.stop();
        try {
            for (NamespaceState state : List.copyOf(namespaces.values())) {
                state.disconnectForced();
            }
            for (String room : rooms.snapshot()) {
                context.registry().leave(room, this);
            }
        } finally {
            context.registry().unregister(this);
            asks.failAll(OutboundQueue.closedException());
            try {
                listeners.disconnected();
                if (acknowledged) {
                    context.definition().onDisconnect().ifPresent(listener -> guarded(() -> listener.accept(this)));
                }
            } finally {
                finish(reason, mode);
            }
        }
        return channel.ended();
    }

    private void guarded(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            listeners.error(new dev.sockeye.ListenerException("the neffos disconnect listener threw " + e, e));
        }
    }

    private void finish(CloseReason reason, EndMode mode) {
        switch (mode) {
            case FLUSH -> channel.flushThenClose(reason);
            case IMMEDIATE -> channel.closeNow(reason);
            case PEER_CLOSED -> channel.peerClosed();
        }
    }

    /** A write failed, the queue overflowed or a timeout expired: report it and end the connection. */
    private void fail(Throwable problem, CloseReason reason) {
        listeners.error(problem);
        end(reason, EndMode.IMMEDIATE);
    }

    // --- liveness ---------------------------------------------------------------------------

    void markRead() {
        liveness.markRead();
    }

    void markPong() {
        liveness.markPong();
    }

    void startHeartbeat() {
        liveness.start();
    }

    private void logUnhandled(Throwable problem) {
        LOG.log(System.Logger.Level.WARNING, "neffos connection " + id + ": " + problem.getMessage(), problem);
    }

    @Override
    public String toString() {
        return "NeffosConnection[" + id + "]";
    }
}
