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
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        return client;
    }

    public static WebSocketContainer shared() {
        return SHARED;
    }
}
