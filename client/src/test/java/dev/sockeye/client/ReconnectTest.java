package dev.sockeye.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backoff schedule: exponential, capped, jittered downwards only. */
class ReconnectTest {

    private static final Reconnect DEFAULTS = Reconnect.exponentialBackoff();

    @Test
    void delaysDoubleFromOneSecondUpToThirtyWithoutJitter() {
        Reconnect noJitter = DEFAULTS.withJitter(0);
        long[] seconds = {1, 2, 4, 8, 16, 30, 30};
        for (int attempt = 1; attempt <= seconds.length; attempt++) {
            assertEquals(Duration.ofSeconds(seconds[attempt - 1]), noJitter.delayBefore(attempt, 0.99), "attempt " + attempt);
        }
        assertEquals(Duration.ofSeconds(30), noJitter.delayBefore(Integer.MAX_VALUE, 0.5));
    }

    @Test
    void jitterTakesUpToItsFractionOff() {
        assertEquals(Duration.ofSeconds(4), DEFAULTS.delayBefore(3, 0.0));
        assertEquals(2000, DEFAULTS.delayBefore(3, 0.999999999).toMillis());
        assertEquals(Duration.ofSeconds(3), DEFAULTS.delayBefore(3, 0.5));
    }

    @Test
    void neverIsTheDisabledPolicyAndTheDefaultsAreDocumented() {
        assertFalse(Reconnect.never().enabled());
        assertTrue(DEFAULTS.enabled());
        assertEquals(new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.5, Integer.MAX_VALUE), DEFAULTS);
        assertFalse(DEFAULTS.withMaxAttempts(0).enabled());
    }

    @Test
    void invalidPoliciesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDelays(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withJitter(1.5));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withMaxAttempts(-1));
        assertThrows(IllegalArgumentException.class, () -> new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.delayBefore(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.delayBefore(1, 1.0));
    }
}
