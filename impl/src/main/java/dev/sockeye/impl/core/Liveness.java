package dev.sockeye.impl.core;

import dev.sockeye.Config;
import dev.sockeye.SockeyeException;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.dispatch.Listeners;
import dev.sockeye.impl.send.Delivery;

import jakarta.websocket.CloseReason;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One connection's heartbeat, whatever its protocol: pings every {@link Config#pingPeriod()}, and
 * ends the connection (1001) when no pong came within {@link Config#pongTimeout()} or no frame
 * within {@link Config#readTimeout()}. Checked by the shared {@link Heartbeats} timer.
 *
 * <p>A connection is only blamed for a late pong once it has had at least
 * {@code pongTimeout - pingPeriod} to answer the oldest unanswered ping: when the timer itself runs
 * late (a GC pause, a loaded machine), the ping goes out late and its answer window moves with it,
 * instead of every connection being closed for pongs it was never asked for.
 */
public final class Liveness {

    private static final long NONE = Long.MIN_VALUE;

    private final Config config;
    private final SessionChannel channel;
    private final Listeners listeners;
    private final SessionChannel.Failure failure;
    private volatile long lastReadNanos = System.nanoTime();
    private volatile long lastPongNanos = lastReadNanos;
    private volatile long lastPingNanos = lastReadNanos;
    /** When the first ping since the last pong was sent; {@link #NONE} while every ping is answered. */
    private volatile long unansweredSinceNanos = NONE;
    private volatile ScheduledFuture<?> heartbeat;

    /** @param failure ends the connection when a timeout expires */
    public Liveness(Config config, SessionChannel channel, Listeners listeners, SessionChannel.Failure failure) {
        this.config = config;
        this.channel = channel;
        this.listeners = listeners;
        this.failure = failure;
    }

    /** A frame arrived. */
    public void markRead() {
        lastReadNanos = System.nanoTime();
    }

    /** A pong arrived: a read too; the pong listeners run. */
    public void markPong() {
        long now = System.nanoTime();
        lastReadNanos = now;
        lastPongNanos = now;
        unansweredSinceNanos = NONE;
        listeners.ponged();
    }

    /** Starts the periodic checks, if a ping period or a read timeout is configured. */
    public void start() {
        long ping = config.pingPeriod().toNanos();
        long pong = config.pongTimeout().toNanos();
        long read = config.readTimeout().toNanos();
        long shortest = ping > 0 ? Math.min(ping, pong) : Long.MAX_VALUE;
        if (read > 0) {
            shortest = Math.min(shortest, read);
        }
        if (shortest == Long.MAX_VALUE) {
            return;
        }
        // check four times per shortest interval: a timeout is noticed at most 25 % late
        long period = Math.max(shortest / 4, TimeUnit.MILLISECONDS.toNanos(5));
        heartbeat = Heartbeats.every(firstCheckDelay(period, ThreadLocalRandom.current().nextDouble()), period,
                this::check);
        if (channel.isEnding()) {
            heartbeat.cancel(false);
        }
    }

    /**
     * When the first check runs: somewhere within the first period, not at its end. A connection
     * pings at its first check at least {@code pingPeriod} after it opened, so with checks in phase
     * with the opening, connections that opened together (a server restart reconnects every
     * client at once) would ping, and read their pongs, in the same instant for ever; a random phase
     * spreads those pings over one check period more. Measured in the fan-out benchmark: 10,000
     * connections opened within seconds pinged in one burst that raised the p99 latency of the
     * broadcasts it met by up to 40 %.
     *
     * @param random a number in [0, 1)
     * @return a delay in (0, period]
     */
    static long firstCheckDelay(long period, double random) {
        return 1 + (long) (random * (period - 1));
    }

    /** Stops the checks; the connection is ending. */
    public void stop() {
        ScheduledFuture<?> timer = heartbeat;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void check() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            // never let the timer drop this connection's checks: report and keep checking
            listeners.error(e);
        }
    }

    private void checkNow() {
        if (channel.isEnding()) {
            return;
        }
        long now = System.nanoTime();
        long read = config.readTimeout().toNanos();
        if (read > 0 && now - lastReadNanos > read) {
            end(new SockeyeException("no frame received for " + config.readTimeout()
                    + " (readTimeout); closing with 1001"), "read timeout");
            return;
        }
        long ping = config.pingPeriod().toNanos();
        if (ping == 0) {
            return;
        }
        if (now - lastPingNanos >= ping) {
            lastPingNanos = now;
            if (unansweredSinceNanos == NONE) {
                unansweredSinceNanos = now;
            }
            channel.enqueue(OutboundFrame.Ping.INSTANCE, Delivery.IGNORED);
            listeners.pinged();
        }
        long pong = config.pongTimeout().toNanos();
        long unansweredSince = unansweredSinceNanos;
        if (now - lastPongNanos > pong && unansweredSince != NONE && now - unansweredSince > pong - ping) {
            end(new SockeyeException("no pong received for " + config.pongTimeout()
                    + " (pongTimeout); closing with 1001"), "pong timeout");
        }
    }

    /** Ends the connection away from the timer thread: its listeners may take their time. */
    private void end(SockeyeException problem, String reason) {
        stop();
        Heartbeats.offload(() -> failure.fail(problem, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, reason)));
    }
}
