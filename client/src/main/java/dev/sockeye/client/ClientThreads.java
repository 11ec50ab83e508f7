package dev.sockeye.client;

import jakarta.websocket.WebSocketContainer;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.ThreadPoolConfig;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every client of the JVM shares: one daemon thread for timers (connect timeouts, reconnect
 * delays), a pool of daemon threads that grows and shrinks with the blocking connect calls of the
 * Jakarta API, and the default client container.
 */
final class ClientThreads {

    /**
     * How many worker threads the default container's transport has: they read every connection's
     * frames, answer pings and run the listeners. Named {@value #WORKER_PREFIX}{@code (n)}; see
     * {@link Holder#container()}.
     */
    static final int WORKERS = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());

    /** The name of the default container's worker threads, before their number. */
    static final String WORKER_PREFIX = "sockeye-client-io";

    private ClientThreads() {
    }

    static ScheduledExecutorService scheduler() {
        return Holder.SCHEDULER;
    }

    static ExecutorService connector() {
        return Holder.CONNECTOR;
    }

    static WebSocketContainer defaultContainer() {
        return Holder.CONTAINER;
    }

    private static final class Holder {
        static final ScheduledExecutorService SCHEDULER = scheduler();
        static final ExecutorService CONNECTOR = Executors.newCachedThreadPool(daemon("sockeye-client-connect-"));
        static final WebSocketContainer CONTAINER = container();

        private static ScheduledExecutorService scheduler() {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("sockeye-client-timer-"));
            scheduler.setRemoveOnCancelPolicy(true);
            return scheduler;
        }

        /**
         * A Tyrus client on one shared transport: one thread pool for all connections, not one per
         * connection. Tyrus stops a container's executors whenever its last session closes, and a
         * connection opened in that moment is handed the stopped scheduler: its handshake never
         * completes (BackToBackClientsTest). The executors, on daemon threads, are therefore kept
         * for the life of the JVM.
         *
         * <p>The transport's workers are a fixed pool of {@link #WORKERS} threads. Tyrus's default
         * for a shared transport is a pool without a limit that starts a thread whenever a frame
         * arrives and no worker is idle, on the selector thread and under the pool's one lock: a
         * burst of frames to thousands of connections (the server's pings among them) held all
         * selector threads in {@code Thread.start}, so no frame was read meanwhile, and left
         * thousands of threads behind. Under load three JVMs of 17,000 clients lost every
         * connection to the server's pong timeout that way (BurstsToManyClientsTest).
         */
        private static WebSocketContainer container() {
            ClientManager client = new ClientManager() {
                @Override
                public void shutdown() {
                    // kept: see above
                }
            };
            client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
            client.getProperties().put(ClientProperties.WORKER_THREAD_POOL_CONFIG, ThreadPoolConfig.defaultConfig()
                    .setPoolName(WORKER_PREFIX)
                    .setCorePoolSize(WORKERS)
                    .setMaxPoolSize(WORKERS)
                    .setDaemon(true));
            return client;
        }

        private static ThreadFactory daemon(String prefix) {
            AtomicInteger count = new AtomicInteger();
            return task -> {
                Thread thread = new Thread(task, prefix + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
