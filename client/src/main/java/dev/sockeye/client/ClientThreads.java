package dev.sockeye.client;

import jakarta.websocket.WebSocketContainer;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

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
         */
        private static WebSocketContainer container() {
            ClientManager client = new ClientManager() {
                @Override
                public void shutdown() {
                    // kept: see above
                }
            };
            client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
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
