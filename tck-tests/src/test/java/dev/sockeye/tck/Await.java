package dev.sockeye.tck;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; the deterministic alternative to sleeping. */
public final class Await {

    private static final Duration DEFAULT = Duration.ofSeconds(5);

    private Await() {
    }

    /** Waits up to 5 seconds for {@code condition}; fails the test with {@code what} otherwise. */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, DEFAULT);
    }

    public static void until(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Waits up to 5 seconds for {@code condition}, then returns {@code value} for a readable failure message. */
    public static <T> T until(String what, BooleanSupplier condition, Supplier<T> value) throws InterruptedException {
        try {
            until(what, condition, DEFAULT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last value: " + value.get(), e);
        }
        return value.get();
    }
}
