package dev.sockeye.impl.send;

import dev.sockeye.ConnectionClosedException;
import dev.sockeye.OutboundOverflowException;
import dev.sockeye.OverflowPolicy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-writer outbound queue, with writers that complete inline, later, or never. */
class OutboundQueueTest {

    private static OutboundFrame text(String s) {
        return new OutboundFrame.Text(s, s.length());
    }

    /** A writer that records frames and completes them when the test says so. */
    static final class ManualWriter implements FrameWriter {
        final List<String> written = new ArrayList<>();
        final ConcurrentLinkedQueue<Consumer<Throwable>> inFlight = new ConcurrentLinkedQueue<>();
        final AtomicInteger concurrent = new AtomicInteger();
        volatile int maxConcurrent;

        @Override
        public synchronized void write(OutboundFrame frame, Consumer<Throwable> done) {
            int now = concurrent.incrementAndGet();
            maxConcurrent = Math.max(maxConcurrent, now);
            written.add(((OutboundFrame.Text) frame).text());
            inFlight.add(failure -> {
                concurrent.decrementAndGet();
                done.accept(failure);
            });
        }

        void completeNext() {
            inFlight.poll().accept(null);
        }
    }

    @Test
    void writesOneFrameAtATimeInEnqueueOrder() {
        ManualWriter writer = new ManualWriter();
        OutboundQueue queue = new OutboundQueue(writer, 1_000, OverflowPolicy.CLOSE, e -> { });
        SingleDelivery first = new SingleDelivery();
        SingleDelivery second = new SingleDelivery();
        queue.enqueue(text("a"), first);
        queue.enqueue(text("b"), second);
        assertEquals(List.of("a"), writer.written, "the second frame waits for the first write");
        writer.completeNext();
        assertTrue(first.isDone());
        assertEquals(List.of("a", "b"), writer.written);
        writer.completeNext();
        assertTrue(second.isDone());
        assertEquals(0, queue.queuedBytes());
    }

    @Test
    void writersThatCompleteInlineDoNotRecurse() {
        AtomicInteger depth = new AtomicInteger();
        AtomicInteger maxDepth = new AtomicInteger();
        List<String> written = new ArrayList<>();
        FrameWriter inline = (frame, done) -> {
            maxDepth.accumulateAndGet(depth.incrementAndGet(), Math::max);
            written.add(((OutboundFrame.Text) frame).text());
            done.accept(null);
            depth.decrementAndGet();
        };
        OutboundQueue queue = new OutboundQueue(inline, Long.MAX_VALUE, OverflowPolicy.CLOSE, e -> { });
        for (int i = 0; i < 100_000; i++) {
            queue.enqueue(text(Integer.toString(i)), Delivery.IGNORED);
        }
        assertEquals(100_000, written.size());
        assertEquals(1, maxDepth.get());
    }

    @Test
    void concurrentEnqueuersNeverOverlapWritesAndLoseNothing() throws Exception {
        ExecutorService completer = Executors.newSingleThreadExecutor();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        AtomicInteger writes = new AtomicInteger();
        FrameWriter async = (frame, done) -> {
            if (concurrent.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            written.add(((OutboundFrame.Text) frame).text());
            Runnable finish = () -> {
                concurrent.decrementAndGet();
                done.accept(null);
            };
            // every other write completes on another thread (ConcurrentLinkedQueue.size() is O(n): count instead)
            if (writes.incrementAndGet() % 2 == 0) {
                completer.execute(finish);
            } else {
                finish.run();
            }
        };
        OutboundQueue queue = new OutboundQueue(async, Long.MAX_VALUE, OverflowPolicy.CLOSE, e -> { });
        int threads = 8;
        int each = 5_000;
        ExecutorService producers = Executors.newFixedThreadPool(threads);
        CountDownLatch sent = new CountDownLatch(threads * each);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            producers.execute(() -> {
                for (int i = 0; i < each; i++) {
                    queue.enqueue(text(thread + ":" + i), new Delivery() {
                        @Override
                        public void sent() {
                            sent.countDown();
                        }

                        @Override
                        public void failed(Throwable cause) {
                        }
                    });
                }
            });
        }
        assertTrue(sent.await(30, TimeUnit.SECONDS));
        producers.shutdown();
        completer.shutdown();
        assertEquals(0, overlaps.get());
        assertEquals(threads * each, written.size());
        int[] last = new int[threads];
        java.util.Arrays.fill(last, -1);
        for (String frame : written) {
            String[] parts = frame.split(":");
            int thread = Integer.parseInt(parts[0]);
            int seq = Integer.parseInt(parts[1]);
            assertEquals(last[thread] + 1, seq, "per-producer order");
            last[thread] = seq;
        }
    }

    @Test
    void overflowUnderClosePolicyFailsTheFrameAndReportsIt() {
        ManualWriter writer = new ManualWriter();
        List<Throwable> reported = new ArrayList<>();
        OutboundQueue queue = new OutboundQueue(writer, 10, OverflowPolicy.CLOSE, reported::add);
        queue.enqueue(text("12345678"), Delivery.IGNORED);
        SingleDelivery overflowing = new SingleDelivery();
        queue.enqueue(text("abc"), overflowing);
        ExecutionException failure = assertThrows(ExecutionException.class, overflowing::get);
        assertInstanceOf(OutboundOverflowException.class, failure.getCause());
        assertEquals(1, reported.size());
        assertEquals(8, queue.queuedBytes());
    }

    @Test
    void overflowUnderDropPolicyDropsOnlyThatFrame() {
        ManualWriter writer = new ManualWriter();
        List<Throwable> reported = new ArrayList<>();
        OutboundQueue queue = new OutboundQueue(writer, 10, OverflowPolicy.DROP, reported::add);
        queue.enqueue(text("12345678"), Delivery.IGNORED);
        SingleDelivery dropped = new SingleDelivery();
        queue.enqueue(text("abc"), dropped);
        assertTrue(dropped.isCompletedExceptionally());
        assertTrue(reported.isEmpty());
        writer.completeNext();
        SingleDelivery later = new SingleDelivery();
        queue.enqueue(text("abc"), later);
        writer.completeNext();
        assertTrue(later.isDone() && !later.isCompletedExceptionally());
    }

    @Test
    void aFrameLargerThanTheLimitIsAcceptedIntoAnEmptyQueue() {
        ManualWriter writer = new ManualWriter();
        OutboundQueue queue = new OutboundQueue(writer, 4, OverflowPolicy.CLOSE, e -> { });
        SingleDelivery big = new SingleDelivery();
        queue.enqueue(text("a large frame"), big);
        writer.completeNext();
        assertTrue(big.isDone() && !big.isCompletedExceptionally());
    }

    @Test
    void closeFailsQueuedFramesAndRefusesNewOnes() {
        ManualWriter writer = new ManualWriter();
        OutboundQueue queue = new OutboundQueue(writer, 1_000, OverflowPolicy.CLOSE, e -> { });
        queue.enqueue(text("in flight"), Delivery.IGNORED);
        SingleDelivery queued = new SingleDelivery();
        queue.enqueue(text("queued"), queued);
        queue.close(new ConnectionClosedException("already disconnected"));
        assertTrue(queued.isCompletedExceptionally());
        SingleDelivery late = new SingleDelivery();
        queue.enqueue(text("late"), late);
        assertTrue(late.isCompletedExceptionally());
        writer.completeNext();
        assertEquals(List.of("in flight"), writer.written);
    }

    @Test
    void anOrderlyCloseRunsAfterEverythingQueuedBeforeIt() {
        ManualWriter writer = new ManualWriter();
        OutboundQueue queue = new OutboundQueue(writer, 1_000, OverflowPolicy.CLOSE, e -> { });
        List<String> events = new ArrayList<>();
        queue.enqueue(text("a"), Delivery.IGNORED);
        queue.enqueue(text("bye"), Delivery.IGNORED);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        queue.enqueueClose(new ConnectionClosedException("already disconnected"), () -> {
            events.add("close after " + writer.written);
            closed.complete(null);
        });
        SingleDelivery refused = new SingleDelivery();
        queue.enqueue(text("after close"), refused);
        assertTrue(refused.isCompletedExceptionally());
        assertFalse(closed.isDone());
        writer.completeNext();
        writer.completeNext();
        assertTrue(closed.isDone());
        assertEquals(List.of("close after [a, bye]"), events);
    }

    @Test
    void aFailedWriteFailsItsDeliveryAndIsReported() {
        List<Throwable> reported = new ArrayList<>();
        RuntimeException boom = new RuntimeException("socket gone");
        OutboundQueue queue = new OutboundQueue((frame, done) -> done.accept(boom), 1_000,
                OverflowPolicy.CLOSE, reported::add);
        SingleDelivery delivery = new SingleDelivery();
        queue.enqueue(text("x"), delivery);
        assertTrue(delivery.isCompletedExceptionally());
        assertEquals(List.of(boom), reported);
        assertEquals(0, queue.queuedBytes());
    }
}
