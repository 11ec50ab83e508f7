package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.PerMessageDeflate;
import dev.sockeye.tck.RawWebSocket;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code enableCompression} in a container (the embedded counterpart is {@code CompressionTest}),
 * with a raw client that offers permessage-deflate and compresses by hand. On the Tyrus-based
 * containers (GlassFish, Payara) Sockeye offers the extension itself: it is negotiated, events
 * travel compressed both ways, and a small frame that would inflate to 100 times
 * {@code maxMessageSize} closes the connection with 1009 and runs its leave and disconnect events
 * once. On Undertow (WildFly) compression is a container setting (the {@code undertow} subsystem's
 * {@code websockets} {@code per-message-deflate}, off in the default {@code standalone.xml}):
 * Sockeye logs the setting as not applied at deployment, the extension is not negotiated, and
 * events travel uncompressed. Without the setting no container negotiates it.
 */
@ExtendWith(ArquillianExtension.class)
class CompressionIT {

    /** Undertow leaves compression to its own configuration; the build names the container it runs on. */
    private static final boolean UNDERTOW = "wildfly".equals(System.getProperty("arquillian.launch"));
    private static final Map<String, String> OFFER = Map.of("Sec-WebSocket-Extensions", "permessage-deflate");

    public static final class Compressed implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().enableCompression(true)
                    .idGenerator(handshake -> handshake.queryParameter("user").orElseGet(() -> UUID.randomUUID().toString()))
                    .build();
        }
    }

    @EventEndpoint(value = "/compressed", config = Compressed.class)
    public static class CompressedEndpoint {
        @OnConnect
        public void open(Connection connection) {
            if (!ConnectionLog.isObserver(connection)) {
                connection.join("r1");
                ConnectionLog.watch(connection);
            }
        }

        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }

        @OnEvent("log")
        public String log(String id) {
            return ConnectionLog.events(id);
        }
    }

    @EventEndpoint("/plain")
    public static class PlainEndpoint {
        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("compression", CompressedEndpoint.class, PlainEndpoint.class, Compressed.class, ConnectionLog.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void compressionIsNegotiatedOnTyrusAndLeftToTheContainerOnUndertow() throws Exception {
        String text = "compress me ".repeat(80);
        byte[] echo = (PREFIX + "echo;0;" + text).getBytes(StandardCharsets.UTF_8);
        try (RawWebSocket client = RawWebSocket.upgrade(Urls.ws(base, "/compressed"), OFFER)) {
            assertEquals(101, client.status(), client.statusLine());
            String accepted = client.header("sec-websocket-extensions");
            client.readFrames(true);
            if (UNDERTOW) {
                assertNull(accepted, "Undertow negotiated an extension with its per-message-deflate off");
                client.sendText(new String(echo, StandardCharsets.UTF_8));
            } else {
                assertTrue(accepted != null && accepted.startsWith("permessage-deflate"), "extensions: " + accepted);
                client.sendFrame(RawWebSocket.TEXT, true, PerMessageDeflate.deflate(echo));
            }

            RawWebSocket.Frame reply = client.nextDataFrame(Observer.WAIT);

            assertNotNull(reply, "no echo");
            String expected = PREFIX + "echo;0;" + text;
            if (UNDERTOW) {
                assertFalse(reply.rsv1(), "a compressed frame without the extension");
                assertEquals(expected, reply.text());
                assertLoggedAsNotApplied();
            } else {
                assertTrue(reply.rsv1(), "the server's frame is not compressed");
                assertTrue(reply.payload().length < text.length() / 4, "compressed to " + reply.payload().length + " bytes");
                assertEquals(expected, new String(PerMessageDeflate.inflate(reply.payload()), StandardCharsets.UTF_8));
            }
        }
    }

    /** WildFly's server log, when the build names it, holds Sockeye's deployment warning. */
    private static void assertLoggedAsNotApplied() throws Exception {
        String file = System.getProperty("sockeye.it.server.log");
        if (file == null || !Files.exists(Path.of(file))) {
            return;
        }
        String log = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        assertTrue(log.contains("endpoint /compressed: enableCompression=true cannot be applied by Sockeye"),
                "no warning about enableCompression in " + file);
    }

    @Test
    void aSmallFrameInflatingTo100TimesTheLimitClosesWith1009AndDisconnectsOnce() throws Exception {
        assumeFalse(UNDERTOW, "Undertow negotiates no compression here (see the class comment)");
        String id = "bomb-" + UUID.randomUUID();
        String chat = PREFIX + "chat;0;";
        byte[] bomb = PerMessageDeflate.deflate((chat + "x".repeat(100 * Config.DEFAULT_MAX_MESSAGE_SIZE - chat.length()))
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(bomb.length < Config.DEFAULT_MAX_MESSAGE_SIZE, "on the wire the bomb is " + bomb.length + " bytes");
        try (Observer observer = Observer.connect(Urls.ws(base, "/compressed"));
             RawWebSocket client = RawWebSocket.upgrade(Urls.ws(base, "/compressed?user=" + id), OFFER)) {
            assertEquals(101, client.status(), client.statusLine());
            client.readFrames(true);

            client.sendFrame(RawWebSocket.TEXT, true, bomb);

            assertEquals(1009, client.closeFrame().get(Observer.WAIT.toSeconds(), TimeUnit.SECONDS).closeCode());
            assertNull(client.nextDataFrame(java.time.Duration.ZERO), "the server answered the bomb");
            observer.assertLeftEveryRoomThenDisconnectedOnce(id, Set.of("r1", "own"));
        }
    }

    @Test
    void withoutTheSettingNoContainerNegotiatesCompression() throws Exception {
        try (RawWebSocket client = RawWebSocket.upgrade(Urls.ws(base, "/plain"), OFFER)) {
            assertEquals(101, client.status(), client.statusLine());
            assertNull(client.header("sec-websocket-extensions"), "extensions");
            client.readFrames(true);
            client.sendText(PREFIX + "echo;0;plain");
            RawWebSocket.Frame reply = client.nextDataFrame(Observer.WAIT);
            assertNotNull(reply, "no echo");
            assertFalse(reply.rsv1());
            assertEquals(PREFIX + "echo;0;plain", reply.text());
        }
    }
}
