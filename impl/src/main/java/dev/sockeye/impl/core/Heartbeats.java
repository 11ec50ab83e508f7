package dev.sockeye.impl.core;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of all Sockeye endpoints in this class loader: pings, pong, read and write
 * timeouts. Each connection has one periodic check, cancelled when it ends. The timer thread only
 * decides: what a timeout sets off (ending the connection, its leave and disconnect listeners, the
 * failed sends' stages) runs on a second small pool ({@link #offload}), so that a slow listener
 * never delays the pings and checks of every other connection. Both pools' threads are daemons
 * and die after 10 s without work, so an undeployed application leaves nothing running.
 */
public final class Heartbeats {

    private static final ScheduledThreadPoolExecutor TIMER = timer();
    /** Two threads: timeouts of many connections at once queue here instead of on the timer. */
    private static final ThreadPoolExecutor TIMEOUTS = timeouts();

    private Heartbeats() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("sockeye-heartbeat"));
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static ThreadPoolExecutor timeouts() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("sockeye-timeout"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs {@code task} once after {@code delayNanos} unless the returned future is cancelled first. */
    public static ScheduledFuture<?> after(long delayNanos, Runnable task) {
        return TIMER.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code check} after {@code firstNanos}, then every {@code periodNanos}, until the returned future is cancelled. */
    public static ScheduledFuture<?> every(long firstNanos, long periodNanos, Runnable check) {
        return TIMER.scheduleWithFixedDelay(check, firstNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs what a timeout sets off away from the timer thread, in submission order per thread. */
    public static void offload(Runnable consequence) {
        TIMEOUTS.execute(consequence);
    }
}
