package dev.sockeye.impl.session;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Emitter;
import dev.sockeye.Handshake;
import dev.sockeye.PayloadType;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.OutboundFrame;
import dev.sockeye.impl.dispatch.Listeners;
import dev.sockeye.impl.registry.Member;
import dev.sockeye.impl.send.Delivery;
import dev.sockeye.impl.send.OutboundQueue;
import dev.sockeye.impl.send.SingleDelivery;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The {@link Connection} over one container {@link Session}: identity, listeners, rooms through
 * the registry, and one outbound queue. It holds no locks; ending is guarded by a single flag so
 * that leave, disconnect and close happen exactly once whoever ends first.
 */
final class LiveConnection implements Connection, Member {

    private static final System.Logger LOG = System.getLogger(LiveConnection.class.getName());

    private final String id;
    private final Handshake handshake;
    private final Session session;
    private final EndpointContext context;
    private final Listeners listeners;
    private final OutboundQueue outbound;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean ending = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final MapConnectionValues values = new MapConnectionValues();
    private volatile long lastReadNanos = System.nanoTime();
    private volatile long lastPongNanos = lastReadNanos;
    private volatile long lastPingNanos = lastReadNanos;
    private volatile java.util.concurrent.ScheduledFuture<?> heartbeat;

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
        this.session = session;
        this.context = context;
        this.listeners = new Listeners(context.decoder(), this::logUnhandled);
        this.outbound = new OutboundQueue(new SessionWriter(session, context.config().writeTimeout().toMillis()),
                context.config().maxQueuedBytes(),
                context.config().overflowPolicy(), this::writeFailed);
    }

    Listeners listeners() {
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
    public <T> void on(String event, Class<T> type, Consumer<? super T> handler) {
        listeners.on(event, PayloadType.of(type), handler);
    }

    @Override
    public <T> void on(String event, PayloadType<T> type, Consumer<? super T> handler) {
        listeners.on(event, type, handler);
    }

    @Override
    public void on(String event, Runnable handler) {
        listeners.on(event, handler);
    }

    @Override
    public void onMessage(Consumer<byte[]> handler) {
        listeners.onMessage(handler);
    }

    @Override
    public void onLeave(Consumer<String> handler) {
        listeners.onLeave(handler);
    }

    @Override
    public void onDisconnect(Runnable handler) {
        listeners.onDisconnect(handler);
    }

    @Override
    public void onError(Consumer<Throwable> handler) {
        listeners.onError(handler);
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
        outbound.enqueue(frame, delivery);
        return delivery;
    }

    @Override
    public void onPing(Runnable handler) {
        listeners.onPing(handler);
    }

    @Override
    public void onPong(Runnable handler) {
        listeners.onPong(handler);
    }

    @Override
    public void fireError(Throwable problem) {
        listeners.error(java.util.Objects.requireNonNull(problem, "problem"));
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
        return Set.copyOf(rooms);
    }

    @Override
    public boolean isOpen() {
        return !ending.get();
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
        return this;
    }

    @Override
    public Set<String> joinedRooms() {
        return rooms;
    }

    @Override
    public boolean acceptsJoins() {
        return !ending.get();
    }

    @Override
    public void send(dev.sockeye.impl.route.Message message, Delivery delivery) {
        outbound.enqueue(message.frame(context.codec()), delivery);
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
        if (!ending.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(OutboundQueue.closedException());
        }
        java.util.concurrent.ScheduledFuture<?> timer = heartbeat;
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            for (String room : Set.copyOf(rooms)) {
                context.registry().leave(room, this);
            }
        } finally {
            context.registry().unregister(this);
            try {
                listeners.disconnected();
            } finally {
                finishEnd(reason, mode);
            }
        }
        return ended;
    }

    /** Server side: flush what was queued, then the close frame. Peer side: the socket is gone, fail the rest. */
    private void finishEnd(CloseReason reason, EndMode mode) {
        switch (mode) {
            case FLUSH -> outbound.enqueueClose(OutboundQueue.closedException(), () -> closeSession(reason));
            case IMMEDIATE -> closeSession(reason);
            case PEER_CLOSED -> {
                outbound.close(OutboundQueue.closedException());
                ended.complete(null);
            }
        }
    }

    private void closeSession(CloseReason reason) {
        outbound.close(OutboundQueue.closedException());
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
            ended.complete(null);
        } catch (IOException | RuntimeException e) {
            ended.completeExceptionally(e);
        }
    }

    /** A write failed or the queue overflowed: report it and end the connection. */
    private void writeFailed(Throwable cause) {
        if (ending.get()) {
            // an orderly close may be waiting behind the failed write: give up on the rest and close now
            outbound.close(OutboundQueue.closedException());
            return;
        }
        listeners.error(cause);
        CloseReason reason = cause instanceof dev.sockeye.OutboundOverflowException
                ? new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "outbound queue full")
                : new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "write failed");
        end(reason, EndMode.IMMEDIATE);
    }

    // --- liveness ---------------------------------------------------------------------------

    /** A frame arrived. */
    void markRead() {
        lastReadNanos = System.nanoTime();
    }

    /** A pong arrived. */
    void markPong() {
        long now = System.nanoTime();
        lastReadNanos = now;
        lastPongNanos = now;
        listeners.ponged();
    }

    /** Starts the periodic ping and timeout checks, if any is configured. */
    void startHeartbeat() {
        long ping = context.config().pingPeriod().toNanos();
        long pong = context.config().pongTimeout().toNanos();
        long read = context.config().readTimeout().toNanos();
        long shortest = Long.MAX_VALUE;
        if (ping > 0) {
            shortest = Math.min(ping, pong);
        }
        if (read > 0) {
            shortest = Math.min(shortest, read);
        }
        if (shortest == Long.MAX_VALUE) {
            return;
        }
        // check four times per shortest interval: a timeout is noticed at most 25 % late
        long period = Math.max(shortest / 4, java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(5));
        heartbeat = Heartbeats.every(period, this::checkLiveness);
        if (ending.get()) {
            heartbeat.cancel(false);
        }
    }

    private void checkLiveness() {
        try {
            checkLivenessNow();
        } catch (RuntimeException e) {
            // never let the timer drop this connection's checks: report and keep checking
            listeners.error(e);
        }
    }

    private void checkLivenessNow() {
        if (ending.get()) {
            return;
        }
        long now = System.nanoTime();
        long read = context.config().readTimeout().toNanos();
        if (read > 0 && now - lastReadNanos > read) {
            listeners.error(new dev.sockeye.SockeyeException("no frame received for "
                    + context.config().readTimeout() + " (readTimeout); closing with 1001"));
            end(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "read timeout"), EndMode.IMMEDIATE);
            return;
        }
        long ping = context.config().pingPeriod().toNanos();
        if (ping == 0) {
            return;
        }
        if (now - lastPongNanos > context.config().pongTimeout().toNanos()) {
            listeners.error(new dev.sockeye.SockeyeException("no pong received for "
                    + context.config().pongTimeout() + " (pongTimeout); closing with 1001"));
            end(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "pong timeout"), EndMode.IMMEDIATE);
            return;
        }
        if (now - lastPingNanos >= ping) {
            lastPingNanos = now;
            outbound.enqueue(dev.sockeye.impl.codec.OutboundFrame.Ping.INSTANCE, Delivery.IGNORED);
            listeners.pinged();
        }
    }

    private void logUnhandled(Throwable problem) {
        LOG.log(System.Logger.Level.WARNING, "connection " + id + ": " + problem.getMessage(), problem);
    }

    @Override
    public String toString() {
        return "Connection[" + id + "]";
    }
}
