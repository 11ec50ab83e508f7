package dev.sockeye.tck;

import jakarta.websocket.WebSocketContainer;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/** One Tyrus client container for all test clients, on one shared transport (not a thread pool per connection). */
public final class Clients {

    private static final ClientManager SHARED = create();

    private Clients() {
    }

    private static ClientManager create() {
        // Tyrus stops the container's executors whenever its last session closes, and a session
        // opened in that moment is handed the stopped executor (RejectedExecutionException on its
        // first send). Tests close and open clients back to back, so the executors, which run on
        // daemon threads, are kept for the life of the test JVM instead.
        ClientManager client = new ClientManager() {
            @Override
            public void shutdown() {
            }
        };
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        return client;
    }

    public static WebSocketContainer shared() {
        return SHARED;
    }
}
