package dev.sockeye.impl.send;

import dev.sockeye.ConnectionClosedException;
import dev.sockeye.OutboundOverflowException;
import dev.sockeye.OverflowPolicy;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Consumer;

/**
 * The one outbound queue of a connection: any number of threads enqueue, a single drainer writes
 * one frame at a time, in enqueue order, so concurrent emits never interleave and never meet the
 * container's "a send is already in progress" {@code IllegalStateException}.
 *
 * <p>The queue holds at most {@code maxQueuedBytes} (frames being written count until their write
 * ends). A frame that does not fit is refused as the {@link OverflowPolicy} says; a frame offered to
 * an empty queue is always accepted, whatever its size, so one large message can still be sent.
 *
 * <p>Thread-safety: {@link #enqueue} and {@link #close} may be called from any thread. No lock is
 * taken; the drainer never recurses, even when writes complete synchronously.
 */
public final class OutboundQueue {

    /**
     * A queued frame, and the completion of its write: one object per frame. The hand-off state
     * says which side continues draining after a write: 0 while the write is in progress, 1 when
     * it ended before {@link #writeAndContinueInline} returned (the drainer's loop goes on), 2 when
     * {@code writeAndContinueInline} returned first (the completion resumes draining).
     */
    private final class Pending implements Consumer<Throwable> {
        private static final AtomicIntegerFieldUpdater<Pending> HANDOFF =
                AtomicIntegerFieldUpdater.newUpdater(Pending.class, "handoff");

        private final OutboundFrame frame;
        private final Delivery delivery;
        private volatile int handoff;

        Pending(OutboundFrame frame, Delivery delivery) {
            this.frame = frame;
            this.delivery = delivery;
        }

        OutboundFrame frame() {
            return frame;
        }

        Delivery delivery() {
            return delivery;
        }

        /** The write ended: {@code failure} is {@code null} on success. */
        @Override
        public void accept(Throwable failure) {
            QUEUED_BYTES.addAndGet(OutboundQueue.this, -frame.size());
            if (failure == null) {
                delivery.sent();
            } else {
                delivery.failed(failure);
                failureListener.accept(failure);
            }
            if (!HANDOFF.compareAndSet(this, 0, 1)) {
                draining = 0;
                drain();
            }
        }
    }

    // Field updaters and a queue made on first use rather than atomics and a queue per connection:
    // every connection has this object, and most write each frame at once without queueing.
    private static final AtomicIntegerFieldUpdater<OutboundQueue> DRAINING =
            AtomicIntegerFieldUpdater.newUpdater(OutboundQueue.class, "draining");
    private static final AtomicLongFieldUpdater<OutboundQueue> QUEUED_BYTES =
            AtomicLongFieldUpdater.newUpdater(OutboundQueue.class, "queuedBytes");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<OutboundQueue, Queue> QUEUE =
            AtomicReferenceFieldUpdater.newUpdater(OutboundQueue.class, Queue.class, "queue");

    /** Frames waiting; {@code null} until the first frame has to wait. */
    private volatile Queue<Pending> queue;
    /** 1 while one thread drains: it alone writes, one frame at a time. */
    private volatile int draining;
    private volatile long queuedBytes;
    private final FrameWriter writer;
    private final long maxQueuedBytes;
    private final OverflowPolicy overflowPolicy;
    private final Consumer<Throwable> failureListener;
    /** Set when new frames are refused (an orderly close has been queued, or the queue is closed). */
    private volatile Throwable refusedCause;
    /** Set when queued frames are failed instead of written. */
    private volatile Throwable closedCause;

    /**
     * @param failureListener told once per problem that ends the connection's ability to write
     *                        (an overflow under {@link OverflowPolicy#CLOSE}, a failed write)
     */
    public OutboundQueue(FrameWriter writer, long maxQueuedBytes, OverflowPolicy overflowPolicy,
                         Consumer<Throwable> failureListener) {
        this.writer = writer;
        this.maxQueuedBytes = maxQueuedBytes;
        this.overflowPolicy = overflowPolicy;
        this.failureListener = failureListener;
    }

    /** Queues a frame; {@code delivery} hears how it ended. Never throws for send problems. */
    public void enqueue(OutboundFrame frame, Delivery delivery) {
        Throwable refused = refusedCause;
        if (refused != null) {
            delivery.failed(refused);
            return;
        }
        int size = frame.size();
        long after = QUEUED_BYTES.addAndGet(this, size);
        if (after > maxQueuedBytes && after != size) {
            QUEUED_BYTES.addAndGet(this, -size);
            OutboundOverflowException overflow = new OutboundOverflowException(
                    "outbound queue full: " + (after - size) + " bytes waiting, a frame of " + size
                            + " bytes would exceed the limit of " + maxQueuedBytes + " bytes");
            delivery.failed(overflow);
            if (overflowPolicy == OverflowPolicy.CLOSE) {
                failureListener.accept(overflow);
            }
            return;
        }
        Pending pending = new Pending(frame, delivery);
        if (isEmpty() && DRAINING.compareAndSet(this, 0, 1)) {
            // nothing waits and nobody drains: write it at once instead of through the queue
            if (writeAndContinueInline(pending)) {
                draining = 0;
                drain();
            }
            return;
        }
        queue().offer(pending);
        if (closedCause != null) {
            failQueued();
            return;
        }
        drain();
    }

    /**
     * Refuses further frames and fails every queued one with {@code cause}. A write in progress
     * finishes on its own.
     */
    public void close(Throwable cause) {
        if (refusedCause == null) {
            refusedCause = cause;
        }
        if (closedCause == null) {
            closedCause = cause;
        }
        failQueued();
    }

    /**
     * Refuses further frames with {@code cause}, lets the frames already queued be written, then
     * runs {@code action} (typically: send the close frame). The action runs exactly once, also if
     * the queue is closed meanwhile.
     */
    public void enqueueClose(Throwable cause, Runnable action) {
        if (refusedCause == null) {
            refusedCause = cause;
        }
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        queue().offer(new Pending(null, new Delivery() {
            @Override
            public void sent() {
                once.run();
            }

            @Override
            public void failed(Throwable failure) {
                once.run();
            }
        }));
        if (closedCause != null) {
            failQueued();
            return;
        }
        drain();
    }

    /** @return the bytes waiting or being written */
    public long queuedBytes() {
        return queuedBytes;
    }

    private boolean isEmpty() {
        Queue<Pending> waiting = queue;
        return waiting == null || waiting.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Queue<Pending> queue() {
        Queue<Pending> waiting = queue;
        if (waiting == null) {
            QUEUE.compareAndSet(this, null, new ConcurrentLinkedQueue<Pending>());
            waiting = queue;
        }
        return waiting;
    }

    private Pending poll() {
        Queue<Pending> waiting = queue;
        return waiting == null ? null : waiting.poll();
    }

    private void failQueued() {
        Pending pending;
        while ((pending = poll()) != null) {
            QUEUED_BYTES.addAndGet(this, -sizeOf(pending));
            pending.delivery().failed(closedCause);
        }
    }

    private void drain() {
        while (DRAINING.compareAndSet(this, 0, 1)) {
            Pending next = poll();
            if (next == null) {
                draining = 0;
                if (isEmpty()) {
                    return;
                }
                continue;
            }
            if (!writeAndContinueInline(next)) {
                return;
            }
            draining = 0;
        }
    }

    /**
     * Writes one frame. Returns {@code true} when the write already ended, so the caller's loop
     * goes on; {@code false} when it is still in progress, in which case its completion resumes
     * draining. The small state machine hands the "continue" duty to whichever side comes second.
     */
    private boolean writeAndContinueInline(Pending pending) {
        if (pending.frame() == null) {
            pending.delivery().sent();
            return true;
        }
        if (closedCause != null) {
            QUEUED_BYTES.addAndGet(this, -pending.frame().size());
            pending.delivery().failed(closedCause);
            return true;
        }
        try {
            writer.write(pending.frame(), pending);
        } catch (RuntimeException e) {
            pending.accept(e);
        }
        return !Pending.HANDOFF.compareAndSet(pending, 0, 2);
    }

    private static int sizeOf(Pending pending) {
        return pending.frame() == null ? 0 : pending.frame().size();
    }

    /** @return the exception to fail sends with once the connection has ended */
    public static ConnectionClosedException closedException() {
        return new ConnectionClosedException("already disconnected");
    }
}
