package dev.sockeye.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a {@link SockeyeClient} reconnects after it lost its connection: exponential
 * backoff with jitter. The delay before attempt {@code n} (1 for the first attempt after a loss) is
 * {@code min(maxDelay, initialDelay × multiplier^(n−1))}, multiplied by a random factor between
 * {@code 1 − jitter} and 1, so that many clients dropped at once do not all come back at the same
 * instant. The count starts again from 1 after every successful reconnect.
 *
 * <p>The client reconnects after every close it did not ask for, except close code 1000 (the
 * server ended the conversation on purpose) and 1008 (the server refused this client by policy).
 * A failed attempt counts as an attempt; after {@code maxAttempts} failed attempts in a row the
 * client is {@link ClientState#CLOSED}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param initialDelay the delay before the first attempt; positive. Default {@link #DEFAULT_INITIAL_DELAY} (1 s).
 * @param maxDelay     the longest delay; at least {@code initialDelay}. Default {@link #DEFAULT_MAX_DELAY} (30 s).
 * @param multiplier   the growth of the delay from one attempt to the next; at least 1. Default
 *                     {@value #DEFAULT_MULTIPLIER}.
 * @param jitter       the fraction of each delay that is random, 0 (none) to 1 (a delay anywhere between 0
 *                     and the computed one). Default {@value #DEFAULT_JITTER}.
 * @param maxAttempts  how many failed attempts in a row are allowed before giving up; 0 disables
 *                     reconnecting. Default for {@link #exponentialBackoff()}: {@link Integer#MAX_VALUE} (no limit).
 */
public record Reconnect(Duration initialDelay, Duration maxDelay, double multiplier, double jitter, int maxAttempts) {

    /** Default of {@link #initialDelay()}. */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
    /** Default of {@link #maxDelay()}. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
    /** Default of {@link #multiplier()}. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default of {@link #jitter()}. */
    public static final double DEFAULT_JITTER = 0.5;

    private static final Reconnect NEVER =
            new Reconnect(DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MULTIPLIER, DEFAULT_JITTER, 0);

    public Reconnect {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must be at least initialDelay (" + initialDelay + ")");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 (never reconnect) or positive: " + maxAttempts);
        }
    }

    /** @return no reconnecting: a lost connection leaves the client {@link ClientState#CLOSED}; the default of {@link ClientOptions} */
    public static Reconnect never() {
        return NEVER;
    }

    /** @return reconnecting without limit with the default delays: 1 s, 2 s, 4 s, ... up to 30 s, half of each random */
    public static Reconnect exponentialBackoff() {
        return new Reconnect(DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MULTIPLIER, DEFAULT_JITTER, Integer.MAX_VALUE);
    }

    /** @return a copy with these delays, for example {@code exponentialBackoff().withDelays(ofMillis(100), ofSeconds(5))} */
    public Reconnect withDelays(Duration initialDelay, Duration maxDelay) {
        return new Reconnect(initialDelay, maxDelay, multiplier, jitter, maxAttempts);
    }

    /** @return a copy with this jitter (0 to 1) */
    public Reconnect withJitter(double jitter) {
        return new Reconnect(initialDelay, maxDelay, multiplier, jitter, maxAttempts);
    }

    /** @return a copy with this limit of failed attempts in a row (0 disables reconnecting) */
    public Reconnect withMaxAttempts(int maxAttempts) {
        return new Reconnect(initialDelay, maxDelay, multiplier, jitter, maxAttempts);
    }

    /** @return whether any reconnect attempt is allowed */
    public boolean enabled() {
        return maxAttempts > 0;
    }

    /**
     * The delay before an attempt.
     *
     * @param attempt the attempt's number since the connection was lost, from 1
     * @param random  a number from 0 (inclusive) to 1 (exclusive); 0 gives the longest delay
     * @return the delay, between {@code (1 − jitter)} times and exactly the computed delay
     * @throws IllegalArgumentException if {@code attempt} is less than 1 or {@code random} is outside [0, 1)
     */
    public Duration delayBefore(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1: " + attempt);
        }
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1): " + random);
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(nanos, maxDelay.toNanos());
        return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
    }
}
