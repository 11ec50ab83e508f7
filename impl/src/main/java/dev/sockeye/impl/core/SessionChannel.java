package dev.sockeye.impl.core;

import dev.sockeye.Config;
import dev.sockeye.OutboundOverflowException;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.send.Delivery;
import dev.sockeye.impl.send.OutboundQueue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The way out of one connection, whatever its protocol: its one outbound queue over the container
 * {@link Session}, and the end of the connection, which happens once, whoever ends first (a single
 * flag, no lock). The connection decides what ending means for its rooms and listeners between
 * {@link #beginEnd()} and one of the three ways to finish.
 */
public final class SessionChannel {

    /** What the channel asks of its connection when the connection must end at once. */
    @FunctionalInterface
    public interface Failure {
        /** Report {@code problem} to the error listeners and end the connection with {@code reason}, at once. */
        void fail(Throwable problem, CloseReason reason);
    }

    private final Session session;
    private final OutboundQueue outbound;
    private final Failure failure;
    private static final AtomicIntegerFieldUpdater<SessionChannel> ENDING =
            AtomicIntegerFieldUpdater.newUpdater(SessionChannel.class, "ending");

    /** 1 once the end has begun; a field updater rather than an AtomicBoolean: one object less per connection. */
    private volatile int ending;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    /** @param failure called when a write fails or the queue overflows, unless the connection is ending */
    public SessionChannel(Session session, Config config, Failure failure) {
        this.session = session;
        this.failure = failure;
        this.outbound = new OutboundQueue(new SessionWriter(session, config.writeTimeout().toMillis()),
                config.maxQueuedBytes(), config.overflowPolicy(), this::writeFailed);
    }

    /** Queues a frame; see {@link OutboundQueue#enqueue}. */
    public void enqueue(OutboundFrame frame, Delivery delivery) {
        outbound.enqueue(frame, delivery);
    }

    /** @return {@code true} for the one caller that starts the end; {@code false} if it had begun */
    public boolean beginEnd() {
        return ENDING.compareAndSet(this, 0, 1);
    }

    /** @return whether the end has begun */
    public boolean isEnding() {
        return ending != 0;
    }

    /** The server ends it: what was queued is written, then the close frame. */
    public void flushThenClose(CloseReason reason) {
        outbound.enqueueClose(OutboundQueue.closedException(), () -> closeSession(reason));
    }

    /** The server ends a broken or abusive connection: what is queued fails, the close frame goes now. */
    public void closeNow(CloseReason reason) {
        closeSession(reason);
    }

    /** The container reports the connection closed: nothing more can be sent, what is queued fails. */
    public void peerClosed() {
        outbound.close(OutboundQueue.closedException());
        ended.complete(null);
    }

    /** @return completed when the connection has ended: the close frame sent, or the peer gone */
    public CompletionStage<Void> ended() {
        return ended;
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

    /** A write failed or the queue overflowed: the connection must end. */
    private void writeFailed(Throwable cause) {
        if (ending != 0) {
            // an orderly close may be waiting behind the failed write: give up on the rest and close now
            outbound.close(OutboundQueue.closedException());
            return;
        }
        failure.fail(cause, cause instanceof OutboundOverflowException
                ? new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "outbound queue full")
                : new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "write failed"));
    }
}
