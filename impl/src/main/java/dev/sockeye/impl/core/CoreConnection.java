package dev.sockeye.impl.core;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.ConnectionValues;
import dev.sockeye.Emitter;
import dev.sockeye.Handshake;
import dev.sockeye.Target;
import dev.sockeye.impl.dispatch.Listeners;
import dev.sockeye.impl.registry.JoinedRooms;
import dev.sockeye.impl.registry.Member;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.Delivery;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.send.OutboundQueue;
import dev.sockeye.impl.send.SingleDelivery;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one connection of the core, whatever its protocol: identity, handshake, values, rooms
 * through the registry, listeners, liveness, one outbound queue over the container
 * {@link Session}, and the end sequence. Its protocol's {@link ProtocolSession} frames what it
 * sends and handles what it receives. It holds no locks; ending is guarded by a single flag so that
 * leave, disconnect and close happen exactly once whoever ends first.
 */
public final class CoreConnection implements ListeningConnection, Member {

    private static final System.Logger LOG = System.getLogger(CoreConnection.class.getName());

    private final String id;
    private final Handshake handshake;
    private final EndpointContext context;
    private final Listeners listeners;
    private final SessionChannel channel;
    private final Liveness liveness;
    private final JoinedRooms rooms = new JoinedRooms();
    private final MapConnectionValues values = new MapConnectionValues();
    private final ProtocolSession protocol;

    /** How the connection ends. */
    public enum EndMode {
        /** The server ends it: flush what was queued, then send the close frame. */
        FLUSH,
        /** The server ends it because it is broken or abusive: fail what is queued, close at once. */
        IMMEDIATE,
        /** The container reports the connection closed: nothing more can be sent. */
        PEER_CLOSED
    }

    /** What {@link #register()} found. */
    public enum Admission {
        /** Registered: in the registry and its own ID room. */
        ADMITTED,
        /** Not registered: another connection has the same ID. */
        DUPLICATE_ID,
        /** Registered, but the endpoint was closed meanwhile: end it, no listener may see it. */
        ENDPOINT_CLOSED
    }

    CoreConnection(String id, Handshake handshake, Session session, EndpointContext context) {
        this.id = id;
        this.handshake = handshake;
        this.context = context;
        this.listeners = new Listeners(context.decoder(), this::logUnhandled);
        SessionChannel.Failure failure = this::fail; // one object for both
        this.channel = new SessionChannel(session, context.config(), failure);
        this.liveness = new Liveness(context.config(), channel, listeners, failure);
        this.protocol = context.protocol().open(this); // last: the session only keeps the reference
    }

    /** @return the protocol's part of this connection */
    ProtocolSession protocol() {
        return protocol;
    }

    /** @return what every connection of the endpoint shares */
    public EndpointContext context() {
        return context;
    }

    @Override
    public Listeners listeners() {
        return listeners;
    }

    // --- for protocols ----------------------------------------------------------------------

    /**
     * Admits the connection: registers it, and its own ID room. Either the endpoint's
     * {@code close()} sees it registered and ends it, or this sees the endpoint closed.
     */
    public Admission register() {
        if (!context.registry().register(this)) {
            return Admission.DUPLICATE_ID;
        }
        return endpointClosed() ? Admission.ENDPOINT_CLOSED : Admission.ADMITTED;
    }

    /** @return whether the endpoint of this connection has been closed */
    public boolean endpointClosed() {
        return context.registry().hasGoneAway(context);
    }

    /** Queues a frame on the connection's one outbound queue. */
    public void enqueue(OutboundFrame frame, Delivery delivery) {
        channel.enqueue(frame, delivery);
    }

    /** @return a stage completed once {@code frame} is written */
    public CompletionStage<Void> enqueue(OutboundFrame frame) {
        SingleDelivery delivery = new SingleDelivery();
        channel.enqueue(frame, delivery);
        return delivery;
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

    /**
     * Encodes the value once and lets the protocol frame it for this connection alone.
     *
     * @throws IllegalArgumentException if the event name is invalid for this connection's protocol
     */
    @Override
    public CompletionStage<Void> emit(String event, Object value) {
        Message message;
        try {
            message = Message.of(event, value, context.jsonb());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendOne(message);
    }

    @Override
    public CompletionStage<Void> emitMessage(byte[] message) {
        return sendOne(Message.nativeMessage(message.clone()));
    }

    private CompletionStage<Void> sendOne(Message message) {
        SingleDelivery delivery = new SingleDelivery();
        protocol.send(Target.connection(id), message, delivery);
        return delivery;
    }

    @Override
    public ConnectionValues values() {
        return values;
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

    // --- Member -----------------------------------------------------------------------------

    @Override
    public Connection connection() {
        return protocol.view();
    }

    @Override
    public Object endpoint() {
        return context;
    }

    @Override
    public CompletionStage<Void> goAway() {
        return end(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "endpoint closed"), EndMode.FLUSH);
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
    public void send(Target target, Message message, Delivery delivery) {
        protocol.send(target, message, delivery);
    }

    @Override
    public void left(String room) {
        protocol.left(room);
        listeners.left(room);
    }

    // --- lifecycle --------------------------------------------------------------------------

    /**
     * Ends the connection once: the protocol's clean-up, every room left (leave listeners),
     * unregistered, disconnect listeners, the protocol's last word, then, when the server ends it,
     * what was queued before is flushed and the close frame sent. A second call returns a stage
     * failed with "already disconnected".
     *
     * @param mode who ends it and whether queued frames are still written
     */
    public CompletionStage<Void> end(CloseReason reason, EndMode mode) {
        if (!channel.beginEnd()) {
            return CompletableFuture.failedFuture(OutboundQueue.closedException());
        }
        liveness.stop();
        try {
            protocol.ending();
            for (String room : rooms.snapshot()) {
                context.registry().leave(room, this);
            }
        } finally {
            context.registry().unregister(this);
            try {
                listeners.disconnected();
                protocol.ended();
            } finally {
                finish(reason, mode);
            }
        }
        return channel.ended();
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

    /** A frame arrived. */
    void markRead() {
        liveness.markRead();
    }

    /** A pong arrived. */
    void markPong() {
        liveness.markPong();
    }

    /** Starts the periodic ping and timeout checks, if any is configured. */
    void startHeartbeat() {
        liveness.start();
    }

    private void logUnhandled(Throwable problem) {
        LOG.log(System.Logger.Level.WARNING, "connection " + id + ": " + problem.getMessage(), problem);
    }

    @Override
    public String toString() {
        return "Connection[" + id + "]";
    }
}
