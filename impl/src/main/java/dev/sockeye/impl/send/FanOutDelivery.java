package dev.sockeye.impl.send;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery of one frame to many connections: one object per broadcast, not one future per
 * recipient. It completes when every recipient's write has ended, successfully or not; a
 * recipient's failure is that recipient's business (its error listeners hear it).
 *
 * <p>Use: create, call {@link #expect()} once per recipient before handing it to that recipient's
 * queue, then {@link #sealed()} once all recipients are known.
 */
public final class FanOutDelivery implements Delivery {

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Recipients still writing, plus one until sealed so that early completions cannot finish it. */
    private final AtomicInteger pending = new AtomicInteger(1);

    /** Registers one more recipient. */
    public void expect() {
        pending.incrementAndGet();
    }

    /** @return the stage that completes when every expected recipient has ended */
    public CompletableFuture<Void> sealed() {
        release();
        return done;
    }

    @Override
    public void sent() {
        release();
    }

    @Override
    public void failed(Throwable cause) {
        release();
    }

    private void release() {
        if (pending.decrementAndGet() == 0) {
            done.complete(null);
        }
    }
}
