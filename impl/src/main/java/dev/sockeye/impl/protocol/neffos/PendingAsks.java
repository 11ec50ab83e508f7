package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.neffos.ErrorReplyException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's asks of one connection that wait for the client's answer, by wait token. A token is
 * a decimal counter (no {@code $} or {@code #} prefix, as the original server's), so neffos.js
 * hands the message to its event handler, whose {@code neffos.reply(...)} or {@code Error} comes
 * back with the same token. Thread-safe.
 */
final class PendingAsks {

    private final AtomicLong counter = new AtomicLong();
    private final ConcurrentHashMap<String, CompletableFuture<NeffosFrame.Event>> pending = new ConcurrentHashMap<>();

    /** @return a new wait token */
    String newWait() {
        return Long.toString(counter.incrementAndGet());
    }

    /**
     * @return a future completed by {@link #answer} with the client's answer, failed with a
     *         {@link java.util.concurrent.TimeoutException} after {@code timeout}; it forgets the token either way
     */
    CompletableFuture<NeffosFrame.Event> await(String wait, Duration timeout) {
        CompletableFuture<NeffosFrame.Event> answer = new CompletableFuture<>();
        pending.put(wait, answer);
        answer.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((v, e) -> pending.remove(wait, answer));
        return answer;
    }

    /**
     * Completes the ask that {@code frame} answers: with the frame, or with an
     * {@link ErrorReplyException} when it is an error.
     *
     * @return whether an ask was waiting for it
     */
    boolean answer(NeffosFrame.Event frame) {
        CompletableFuture<NeffosFrame.Event> answer = pending.remove(frame.token());
        if (answer == null) {
            return false;
        }
        if (frame.error()) {
            answer.completeExceptionally(new ErrorReplyException(frame.body().text(), frame.namespace(), frame.room(),
                    frame.event()));
        } else {
            answer.complete(frame);
        }
        return true;
    }

    /** Fails every waiting ask: the connection ended. */
    void failAll(Throwable cause) {
        pending.values().forEach(answer -> answer.completeExceptionally(cause));
        pending.clear();
    }
}
