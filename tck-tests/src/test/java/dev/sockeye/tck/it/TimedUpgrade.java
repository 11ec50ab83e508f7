package dev.sockeye.tck.it;

import dev.sockeye.tck.RawWebSocket;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A raw client's upgrade with its start and end times, to time the close the server sends later:
 * the server's clocks start after the request was sent and before the upgrade ended.
 */
record TimedUpgrade(RawWebSocket client, long requestedNanos, long upgradedNanos) {

    /** Upgrades, checks the 101, and starts reading frames, answering pings if {@code answerPings}. */
    static TimedUpgrade of(URI uri, boolean answerPings) throws IOException {
        long requested = System.nanoTime();
        RawWebSocket client = RawWebSocket.upgrade(uri, Map.of());
        long upgraded = System.nanoTime();
        assertEquals(101, client.status(), client.statusLine());
        client.readFrames(answerPings);
        return new TimedUpgrade(client, requested, upgraded);
    }

    /**
     * Waits up to {@link Observer#WAIT} for the server's close frame and checks its code, that it
     * came no sooner than {@code earliest} after the request and sooner than {@code latest} after
     * the upgrade.
     */
    void assertClosedWith(int code, Duration earliest, Duration latest) throws Exception {
        RawWebSocket.Frame close = client.closeFrame().get(Observer.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(code, close.closeCode(), "close code");
        long sinceRequest = TimeUnit.NANOSECONDS.toMillis(close.arrivalNanos() - requestedNanos);
        long sinceUpgrade = TimeUnit.NANOSECONDS.toMillis(close.arrivalNanos() - upgradedNanos);
        assertTrue(sinceRequest >= earliest.toMillis(), "closed too early, after " + sinceRequest + " ms");
        assertTrue(sinceUpgrade < latest.toMillis(), "closed " + sinceUpgrade + " ms after the upgrade");
    }
}
