package dev.sockeye.client;

import dev.sockeye.ConnectionClosedException;
import dev.sockeye.OutboundOverflowException;
import dev.sockeye.impl.send.OutboundFrame;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's outbound queue without a network: order, limits, pauses, failures. */
class OutboxTest {

    private static OutboundFrame text(String text) {
        return new OutboundFrame.Text(text, text.length());
    }

    private static Throwable failureOf(CompletableFuture<Void> future) {
        assertTrue(future.isCompletedExceptionally(), "expected a failed future: " + future);
        return future.handle((value, failure) -> failure).join();
    }

    private static String textOf(OutboundFrame frame) {
        return ((OutboundFrame.Text) frame).text();
    }

    @Test
    void framesWaitWithoutAWriterAndAreWrittenInOrderOnceAttached() {
        Outbox outbox = new Outbox(1000);
        List<String> written = new ArrayList<>();
        CompletableFuture<Void> first = outbox.offer(text("a"));
        outbox.offer(text("b"));
        assertFalse(first.isDone());
        outbox.attach((frame, done) -> {
            written.add(textOf(frame));
            done.accept(null);
        });
        outbox.offer(text("c"));
        assertEquals(List.of("a", "b", "c"), written);
        assertTrue(first.isDone());
        assertEquals(0, outbox.queuedBytes());
    }

    @Test
    void synchronousWritesDoNotRecurse() {
        Outbox outbox = new Outbox(Long.MAX_VALUE);
        for (int i = 0; i < 100_000; i++) {
            outbox.offer(text("x"));
        }
        int[] count = {0};
        outbox.attach((frame, done) -> {
            count[0]++;
            done.accept(null);
        });
        assertEquals(100_000, count[0]);
    }

    @Test
    void oneWriteAtATimeWhenWritesCompleteLater() {
        Outbox outbox = new Outbox(1000);
        List<Consumer<Throwable>> inFlight = new ArrayList<>();
        outbox.attach((frame, done) -> inFlight.add(done));
        outbox.offer(text("a"));
        outbox.offer(text("b"));
        assertEquals(1, inFlight.size());
        inFlight.get(0).accept(null);
        assertEquals(2, inFlight.size());
    }

    @Test
    void aFrameBeyondTheLimitFailsButAnEmptyQueueAcceptsAnySize() {
        Outbox outbox = new Outbox(3);
        CompletableFuture<Void> big = outbox.offer(text("abcdef"));
        CompletableFuture<Void> refused = outbox.offer(text("g"));
        assertFalse(big.isDone());
        assertInstanceOf(OutboundOverflowException.class, failureOf(refused));
    }

    @Test
    void aFailedWritePausesTheQueueUntilTheNextWriter() {
        Outbox outbox = new Outbox(1000);
        CompletableFuture<Void> failed = outbox.offer(text("a"));
        CompletableFuture<Void> kept = outbox.offer(text("b"));
        outbox.attach((frame, done) -> done.accept(new IOException("broken pipe")));
        assertInstanceOf(IOException.class, failureOf(failed));
        assertFalse(kept.isDone());
        List<String> written = new ArrayList<>();
        outbox.attach((frame, done) -> {
            written.add(textOf(frame));
            done.accept(null);
        });
        assertEquals(List.of("b"), written);
    }

    @Test
    void shutdownFlushesFirstThenRefuses() {
        Outbox outbox = new Outbox(1000);
        CompletableFuture<Void> queued = outbox.offer(text("a"));
        CompletableFuture<Void> flushed = outbox.shutdown(new ConnectionClosedException("closing"));
        CompletableFuture<Void> late = outbox.offer(text("b"));
        assertInstanceOf(ConnectionClosedException.class, failureOf(late));
        assertFalse(flushed.isDone());
        outbox.attach((frame, done) -> done.accept(null));
        assertTrue(queued.isDone() && flushed.isDone());
    }

    @Test
    void closeFailsEverythingQueued() {
        Outbox outbox = new Outbox(1000);
        CompletableFuture<Void> queued = outbox.offer(text("a"));
        CompletableFuture<Void> flushed = outbox.shutdown(new ConnectionClosedException("closing"));
        outbox.close(new ConnectionClosedException("gone"));
        assertEquals("gone", failureOf(queued).getMessage());
        assertTrue(flushed.isCompletedExceptionally());
        assertEquals(0, outbox.queuedBytes());
    }
}
