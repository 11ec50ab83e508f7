package dev.sockeye.tck;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Sends at a fixed rate, for the tests of what keeps a connection alive. */
public final class FixedRate {

    /** One send; may throw when the server closed the connection. */
    public interface Send {
        void run() throws Exception;
    }

    private FixedRate() {
    }

    /**
     * Sends at once and then every {@code every} for {@code window}. A failed send (the server
     * closed the connection) fails the test with the longest gap between sends, which tells a
     * server that closed too early from a test thread that an overloaded machine held back.
     *
     * @return the number of sends
     */
    public static int send(Duration every, Duration window, Send send) throws Exception {
        int sends = (int) (window.toMillis() / every.toMillis()) + 1;
        long start = System.nanoTime();
        long previous = start;
        long longestGap = 0;
        for (int i = 0; i < sends; i++) {
            long wait = start + every.toNanos() * i - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long now = System.nanoTime();
            longestGap = Math.max(longestGap, now - previous);
            previous = now;
            try {
                send.run();
            } catch (Exception e) {
                throw new AssertionError("send " + (i + 1) + " of " + sends + " failed; longest gap between sends "
                        + TimeUnit.NANOSECONDS.toMillis(longestGap) + " ms", e);
            }
        }
        return sends;
    }
}
