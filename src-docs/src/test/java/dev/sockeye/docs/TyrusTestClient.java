package dev.sockeye.docs;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import org.glassfish.tyrus.client.ClientManager;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A real WebSocket client (Tyrus) that queues the text frames it receives. */
final class TyrusTestClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final ClientManager manager = ClientManager.createClient();
    private final Session session;

    private TyrusTestClient(URI uri) throws Exception {
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
            }
        };
        session = manager.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), uri);
    }

    static TyrusTestClient connect(URI uri) throws Exception {
        return new TyrusTestClient(uri);
    }

    void send(String frame) throws Exception {
        session.getBasicRemote().sendText(frame);
    }

    /** @return the next text frame, failing the test if none arrives in time */
    String next() throws InterruptedException {
        String frame = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(frame, "no frame within " + TIMEOUT);
        return frame;
    }

    /** @return the next frame that ends with {@code suffix}, skipping others */
    String nextEndingWith(String suffix) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String frame = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(frame, "no frame ending with '" + suffix + "' within " + TIMEOUT);
            if (frame.endsWith(suffix)) {
                return frame;
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
            }
        } finally {
            manager.shutdown();
        }
    }
}
