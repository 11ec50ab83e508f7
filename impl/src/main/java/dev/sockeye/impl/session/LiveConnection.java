package dev.sockeye.impl.session;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Emitter;
import dev.sockeye.Handshake;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.OutboundFrame;
import dev.sockeye.impl.dispatch.Listeners;
import dev.sockeye.impl.registry.JoinedRooms;
import dev.sockeye.impl.registry.Member;
import dev.sockeye.impl.send.Delivery;
import dev.sockeye.impl.send.OutboundQueue;
import dev.sockeye.impl.send.SingleDelivery;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link Connection} over one container {@link Session}: identity, listeners, rooms through
 * the registry, and one outbound queue. It holds no locks; ending is guarded by a single flag so
 * that leave, disconnect and close happen exactly once whoever ends first.
 */
final class LiveConnection implements ListeningConnection, Member {

    private static final System.Logger LOG = System.getLogger(LiveConnection.class.getName());

    private final String id;
    private final Handshake handshake;
    private final EndpointContext context;
    private final Listeners listeners;
    private final SessionChannel channel;
    private final Liveness liveness;
    private final JoinedRooms rooms = new JoinedRooms();
    private final MapConnectionValues values = new MapConnectionValues();

    /** How the connection ends. */
    enum EndMode {
        /** The server ends it: flush what was queued, then send the close frame. */
        FLUSH,
        /** The server ends it because it is broken or abusive: fail what is queued, close at once. */
        IMMEDIATE,
        /** The container reports the connection closed: nothing more can be sent. */
        PEER_CLOSED
    }

    LiveConnection(String id, Handshake handshake, Session session, EndpointContext context) {
        this.id = id;
        this.handshake = handshake;
        this.context = context;
        this.listeners = new Listeners(context.decoder(), this::logUnhandled);
        SessionChannel.Failure failure = this::fail; // one object for both
        this.channel = new SessionChannel(session, context.config(), failure);
        this.liveness = new Liveness(context.config(), channel, listeners, failure);
    }

    @Override
    public Listeners listeners() {
        return listeners;
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
    public CompletionStage<Void> emit(String event, Object value) {
        OutboundFrame frame;
        try {
            frame = context.codec().encodeEvent(event, value);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendOne(frame);
    }

    @Override
    public CompletionStage<Void> emitMessage(byte[] message) {
        return sendOne(context.codec().encodeNative(message));
    }

    private CompletionStage<Void> sendOne(OutboundFrame frame) {
        SingleDelivery delivery = new SingleDelivery();
        channel.enqueue(frame, delivery);
        return delivery;
    }

    @Override
    public dev.sockeye.ConnectionValues values() {
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

    @Override
    public Object endpoint() {
        return context;
    }

    @Override
    public CompletionStage<Void> goAway() {
        return end(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "endpoint closed"), EndMode.FLUSH);
    }

    // --- Member -----------------------------------------------------------------------------

    @Override
    public Connection connection() {
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
    public void send(dev.sockeye.impl.route.Message message, Delivery delivery) {
        channel.enqueue(message.frame(context.codec()), delivery);
    }

    @Override
    public void left(String room) {
        listeners.left(room);
    }

    // --- lifecycle --------------------------------------------------------------------------

    /**
     * Ends the connection once: leave every room (leave listeners), unregister, disconnect
     * listeners, then, when the server ends it, flush what was queued before and send the close
     * frame. A second call returns a stage failed with "already disconnected".
     *
     * @param mode who ends it and whether queued frames are still written
     */
    CompletionStage<Void> end(CloseReason reason, EndMode mode) {
        if (!channel.beginEnd()) {
            return CompletableFuture.failedFuture(OutboundQueue.closedException());
        }
        liveness.stop();
        try {
            for (String room : rooms.snapshot()) {
                context.registry().leave(room, this);
            }
        } finally {
            context.registry().unregister(this);
            try {
                listeners.disconnected();
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
