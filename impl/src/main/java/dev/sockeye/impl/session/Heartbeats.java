package dev.sockeye.impl.session;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of all Sockeye endpoints in this class loader: pings, pong and read
 * timeouts. Each connection has one periodic check, cancelled when it ends. The thread is a daemon
 * and dies after 10 s without any connection, so an undeployed application leaves nothing running.
 */
public final class Heartbeats {

    private static final ScheduledThreadPoolExecutor TIMER = create();

    private Heartbeats() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sockeye-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Runs {@code check} every {@code periodNanos} until the returned future is cancelled. */
    /** Runs {@code task} once after {@code delayNanos} unless the returned future is cancelled first. */
    public static ScheduledFuture<?> after(long delayNanos, Runnable task) {
        return TIMER.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    public static ScheduledFuture<?> every(long periodNanos, Runnable check) {
        return TIMER.scheduleWithFixedDelay(check, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }
}
