package dev.sockeye.client;

import dev.sockeye.OutboundOverflowException;
import dev.sockeye.impl.send.OutboundFrame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The client's one outbound queue: any thread offers frames, a single drainer writes them one at a
 * time in order through the current connection's writer. Without a connection (before the first
 * one, while reconnecting, after a failed write) frames wait, bounded by a byte limit; attaching the
 * next connection's writer flushes them in order.
 *
 * <p>Thread-safety: every method may be called from any thread. The lock guards only the queue's
 * bookkeeping; writes and future completions happen outside it, and the drainer never recurses
 * when a write completes synchronously.
 */
final class Outbox {

    /** Writes one frame of the current connection and reports how it ended (null: written). */
    @FunctionalInterface
    interface Writer {
        void write(OutboundFrame frame, Consumer<Throwable> done);
    }

    /** A frame, or with {@code frame == null} a marker that completes once everything before it is written. */
    private record Pending(OutboundFrame frame, CompletableFuture<Void> result) {
        int size() {
            return frame == null ? 0 : frame.size();
        }
    }

    private final long maxQueuedBytes;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long queuedBytes;
    private Writer writer;
    private boolean writing;
    /** Set once new frames are refused (the client is closing or closed). */
    private Throwable refused;

    Outbox(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Queues a frame; the result completes once it is written, or fails. */
    CompletableFuture<Void> offer(OutboundFrame frame) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Throwable failure = null;
        synchronized (this) {
            int size = frame.size();
            if (refused != null) {
                failure = refused;
            } else if (queuedBytes > 0 && queuedBytes + size > maxQueuedBytes) {
                failure = new OutboundOverflowException("outbound queue full: " + queuedBytes + " bytes waiting, a frame of "
                        + size + " bytes would exceed the limit of " + maxQueuedBytes + " bytes");
            } else {
                queue.add(new Pending(frame, result));
                queuedBytes += size;
            }
        }
        if (failure != null) {
            result.completeExceptionally(failure);
            return result;
        }
        drain();
        return result;
    }

    /** Starts writing through {@code writer}: the frames waiting go first, in order. */
    void attach(Writer writer) {
        synchronized (this) {
            this.writer = writer;
        }
        drain();
    }

    /** Stops writing (the connection is gone); a write in progress ends on its own, queued frames wait. */
    synchronized void detach() {
        writer = null;
    }

    /**
     * Refuses new frames with {@code cause}; the frames already queued are still written while a
     * writer is attached. The result completes when they are all written, or when {@link #close}
     * fails them.
     */
    CompletableFuture<Void> shutdown(Throwable cause) {
        CompletableFuture<Void> flushed = new CompletableFuture<>();
        synchronized (this) {
            if (refused == null) {
                refused = cause;
            }
            queue.add(new Pending(null, flushed));
        }
        drain();
        return flushed;
    }

    /** Refuses new frames and fails every queued one with {@code cause}. */
    void close(Throwable cause) {
        List<Pending> failed;
        synchronized (this) {
            if (refused == null) {
                refused = cause;
            }
            failed = new ArrayList<>(queue);
            queue.clear();
            for (Pending pending : failed) {
                queuedBytes -= pending.size();
            }
            writer = null;
        }
        failed.forEach(pending -> pending.result().completeExceptionally(cause));
    }

    /** @return the bytes waiting or being written */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    private void drain() {
        while (true) {
            Pending next;
            Writer target;
            synchronized (this) {
                if (writing || writer == null || queue.isEmpty()) {
                    return;
                }
                next = queue.poll();
                target = writer;
                writing = next.frame() != null;
            }
            if (next.frame() == null) {
                next.result().complete(null);
                continue;
            }
            // whichever of "write returned" and "write completed" comes second continues the loop
            AtomicInteger handoff = new AtomicInteger();
            Consumer<Throwable> done = failure -> {
                synchronized (this) {
                    queuedBytes -= next.size();
                    writing = false;
                    if (failure != null && writer == target) {
                        writer = null; // the connection is broken: keep the rest for the next one
                    }
                }
                if (failure == null) {
                    next.result().complete(null);
                } else {
                    next.result().completeExceptionally(failure);
                }
                if (!handoff.compareAndSet(0, 1)) {
                    drain();
                }
            };
            try {
                target.write(next.frame(), done);
            } catch (RuntimeException e) {
                done.accept(e);
            }
            if (handoff.compareAndSet(0, 2)) {
                return;
            }
        }
    }
}
