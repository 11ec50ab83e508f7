package dev.sockeye.tck;

import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.tyrus.BoundedDeflateExtension;
import dev.sockeye.impl.tyrus.RawFrameTransport;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension;
import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Tyrus raw frame path Sockeye writes with ({@link RawFrameTransport}), on a real Tyrus server
 * and client: it is found for a plain server session; pre-framed text and binary frames of every
 * length encoding (7, 16 and 64 bits) arrive as the frames they encode, each write reporting its
 * end; and it is refused where writing pre-framed bytes would skip what the container does on each
 * send: a negotiated extension (permessage-deflate) or a session idle timeout.
 */
class RawFrameTransportTest {

    /** What each opened server session's raw path was, and the session. */
    private record Opened(Session session, RawFrameTransport raw) {
    }

    private static final BlockingQueue<Opened> OPENED = new LinkedBlockingQueue<>();

    public static final class Plain extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            OPENED.add(new Opened(session, RawFrameTransport.of(session)));
        }
    }

    public static final class IdleTimeout extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxIdleTimeout(60_000);
            OPENED.add(new Opened(session, RawFrameTransport.of(session)));
        }
    }

    public static final class App implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return Set.of(
                    ServerEndpointConfig.Builder.create(Plain.class, "/plain").build(),
                    ServerEndpointConfig.Builder.create(IdleTimeout.class, "/idle").build(),
                    ServerEndpointConfig.Builder.create(Plain.class, "/compressed")
                            .extensions(List.of(new BoundedDeflateExtension(1 << 20))).build());
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of();
        }
    }

    private Server server;

    @BeforeEach
    void start() throws Exception {
        OPENED.clear();
        server = new Server("127.0.0.1", -1, "/", Map.of(), App.class);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + path);
    }

    private static Opened nextOpened() throws InterruptedException {
        Opened opened = OPENED.poll(10, TimeUnit.SECONDS);
        assertNotNull(opened, "no session opened");
        return opened;
    }

    @Test
    void preFramedTextAndBinaryFramesOfEveryLengthEncodingArriveAsTheFramesTheyEncode() throws Exception {
        try (TestClient client = TestClient.connect(uri("/plain"))) {
            RawFrameTransport raw = nextOpened().raw();
            assertNotNull(raw, "a plain Tyrus server session writes raw frames");
            for (int length : new int[] {0, 5, 125, 126, 65535, 65536, 200_000}) {
                String text = "é".repeat(length / 2) + "x".repeat(length % 2);
                int size = text.getBytes(StandardCharsets.UTF_8).length;
                assertTrue(send(raw, new OutboundFrame.Text(text, size).serverFrame()).isOK());
                assertEquals(text, client.next(), "text of " + size + " bytes");
            }
            byte[] bytes = new byte[70_000];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
            assertTrue(send(raw, new OutboundFrame.Binary(ByteBuffer.wrap(bytes)).serverFrame()).isOK());
            assertArrayEquals(bytes, client.nextBinary());
        }
    }

    @Test
    void aWriteAfterTheConnectionClosedReportsAFailure() throws Exception {
        TestClient client = TestClient.connect(uri("/plain"));
        Opened opened = nextOpened();
        client.close();
        Await.until("server session closed", () -> !opened.session().isOpen(), opened.session()::isOpen);
        SendResult result = send(opened.raw(), new OutboundFrame.Text("late", 4).serverFrame());
        assertTrue(!result.isOK() && result.getException() != null, "a failed write, not a silent one");
    }

    @Test
    void aSessionThatNegotiatedAnExtensionWritesThroughTheJakartaApi() throws Exception {
        TestClient.Options deflate = TestClient.Options.defaults().withExtensions(List.of(new PerMessageDeflateExtension()));
        try (TestClient client = TestClient.connect(uri("/compressed"), deflate)) {
            assertEquals(List.of("permessage-deflate"), client.negotiatedExtensions());
            assertNull(nextOpened().raw(), "permessage-deflate must compress every frame");
        }
    }

    @Test
    void aSessionWithAnIdleTimeoutWritesThroughTheJakartaApi() throws Exception {
        try (TestClient client = TestClient.connect(uri("/idle"))) {
            assertNull(nextOpened().raw(), "Tyrus restarts the idle timer on each send through its API");
        }
    }

    private static SendResult send(RawFrameTransport raw, byte[] frame) throws Exception {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        raw.send(frame, result::complete);
        return result.get(10, TimeUnit.SECONDS);
    }
}
