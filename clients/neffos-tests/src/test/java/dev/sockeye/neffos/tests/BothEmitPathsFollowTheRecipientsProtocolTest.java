package dev.sockeye.neffos.tests;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;
import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosConnection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One connection core frames every message for each recipient by the recipient's own protocol,
 * whichever emitter the application holds: the Iris protocol writes {@code null} as JSON
 * {@code null} and cannot carry {@code ';'} in an event name; neffos writes an empty body and
 * escapes {@code ';'} (the rules of the guide's {@code protocol.md}). Before, the rules were the
 * emitter's: a neffos connection's registry emitter refused {@code ';'} and sent {@code null} as
 * {@code "null"} to neffos clients, and a namespace's emitter sent {@code null} to Iris clients as
 * an empty text (type 0). An Iris endpoint and a neffos endpoint share one registry here, with a
 * raw client of each protocol.
 */
class BothEmitPathsFollowTheRecipientsProtocolTest {

    private static final String PREFIX = "iris-websocket-message:";

    private final BlockingQueue<Connection> irisConnections = new LinkedBlockingQueue<>();
    private final BlockingQueue<NeffosConnection> neffosConnections = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> irisFrames = new LinkedBlockingQueue<>();
    private EmbeddedServer server;
    private WebSocket irisClient;
    private RawNeffosSocket neffosClient;
    private Connection iris;
    private NeffosConnection neffos;

    @BeforeEach
    void start() throws Exception {
        SockeyeEndpoint irisEndpoint = Sockeye.endpoint("/iris", Config.defaults(), irisConnections::add);
        Namespaces namespaces = Namespaces.builder()
                .onConnect(neffosConnections::add)
                .namespace("default", Events.builder().build())
                .build();
        server = EmbeddedServer.builder().endpoint(irisEndpoint)
                .endpoint(Sockeye.neffosEndpointSharing(irisEndpoint, "/neffos", namespaces)).start();
        neffosClient = RawNeffosSocket.open(server.uri("/neffos"));
        neffosClient.connect("default");
        neffos = neffosConnections.poll(5, TimeUnit.SECONDS);
        irisClient = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(server.uri("/iris"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        irisFrames.add(data.toString());
                        socket.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        iris = irisConnections.poll(5, TimeUnit.SECONDS);
        assertNotNull(neffos, "the neffos connection opened");
        assertNotNull(iris, "the Iris connection opened");
    }

    @AfterEach
    void stop() {
        irisClient.abort();
        neffosClient.close();
        server.close();
    }

    private String nextIrisFrame() throws InterruptedException {
        String frame = irisFrames.poll(5, TimeUnit.SECONDS);
        assertNotNull(frame, "no frame reached the Iris client within 5 s");
        return frame;
    }

    @Test
    void aNullValueIsJsonNullForIrisAndAnEmptyBodyForNeffosWhicheverEmitterSendsIt() throws Exception {
        neffos.to(Target.all()).emit("registry", null).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(";default;;registry;0;0;", neffosClient.nextContent(), "was ';default;;registry;0;0;null'");
        assertEquals(PREFIX + "registry;4;null", nextIrisFrame());

        assertTrue(iris.join("default/"), "the Iris connection joins the namespace's registry room");
        neffos.namespace("default").orElseThrow().to(Target.all()).emit("namespace", null)
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(";default;;namespace;0;0;", neffosClient.nextContent());
        assertEquals(PREFIX + "namespace;4;null", nextIrisFrame(), "was an empty text: 'namespace;0;'");
    }

    @Test
    void anEventNameWithASemicolonReachesNeffosClientsAndIsRefusedForIrisOnes() throws Exception {
        neffos.to(Target.all()).emit("a;b", "x").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(";default;;a@%!semicolon@%!b;0;0;x", neffosClient.nextContent(),
                "escaped as Go neffos does; before, the emit threw IllegalArgumentException");
        iris.to(Target.all()).emit("after", "y").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(PREFIX + "after;0;y", nextIrisFrame(), "the Iris client got nothing of 'a;b'");
        assertEquals(";default;;after;0;0;y", neffosClient.nextContent());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> iris.emit("a;b", "x"));
        assertTrue(refused.getMessage().contains("';'"), refused.getMessage());
        neffos.emit("a;b", "z").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(";default;;a@%!semicolon@%!b;0;0;z", neffosClient.nextContent());
    }

    @Test
    void aNeffosEndpointWarnsOfTheSettingsItsContainerCannotApplyAsAnIrisOneDoes() throws Exception {
        Logger logger = Logger.getLogger("dev.sockeye.impl.core.ContainerSupport");
        BlockingQueue<String> warnings = new LinkedBlockingQueue<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        Config unapplicable = Config.builder().writeBufferSize(4096).build();
        try (EmbeddedServer other = EmbeddedServer.builder()
                .endpoint(Sockeye.neffosEndpoint("/warned", unapplicable,
                        Namespaces.builder().namespace("default", Events.builder().build()).build()))
                .start()) {
            String warning = warnings.poll(5, TimeUnit.SECONDS);
            assertNotNull(warning, "no warning was logged; a neffos endpoint logged none before");
            assertTrue(warning.contains("/warned") && warning.contains("writeBufferSize=4096"), warning);
            assertTrue(other.uri("/warned").toString().startsWith("ws://"));
        } finally {
            logger.removeHandler(handler);
        }
    }
}
