package dev.sockeye.client;

import dev.sockeye.Config;
import dev.sockeye.ListenerException;
import dev.sockeye.MalformedFrameException;
import dev.sockeye.PayloadDecodeException;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An undecodable payload, a throwing listener and a malformed frame reach the error listeners,
 * and the connection goes on: the next message still arrives.
 */
class ProblemsReachErrorListenersTest {

    private static final BlockingQueue<Throwable> ERRORS = new LinkedBlockingQueue<>();
    private static final BlockingQueue<Object> RECEIVED = new LinkedBlockingQueue<>();
    private static final RuntimeException BOOM = new IllegalStateException("boom");
    private static EmbeddedServer server;
    private static SockeyeClient client;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.start(connection -> {
            connection.on("send", String.class, what -> {
                switch (what) {
                    case "not-a-number" -> connection.emit("number", "forty-two");
                    case "throw" -> connection.emit("throwing", "x");
                    case "malformed" -> connection.emitMessage(Config.DEFAULT_MESSAGE_PREFIX + "no-type-digit");
                    default -> connection.emit("number", 7);
                }
            });
        });
        client = Servers.connect(server, ClientOptions.defaults(), c -> {
            c.on("number", int.class, RECEIVED::add);
            c.on("throwing", String.class, text -> {
                throw BOOM;
            });
            c.onError(ERRORS::add);
        });
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static void thenTheConnectionStillWorks() throws Exception {
        client.emit("send", "fine");
        assertEquals(7, Await.next(RECEIVED));
        assertEquals(ClientState.OPEN, client.state());
        assertTrue(ERRORS.isEmpty(), ERRORS.toString());
    }

    @Test
    void anUndecodablePayloadNamesTheEventAndTheExpectedType() throws Exception {
        client.emit("send", "not-a-number");
        PayloadDecodeException error = assertInstanceOf(PayloadDecodeException.class, Await.next(ERRORS));
        assertEquals("number", error.event());
        assertEquals(int.class, error.expectedType());
        assertTrue(error.getMessage().contains("forty-two"), error.getMessage());
        thenTheConnectionStillWorks();
    }

    @Test
    void aThrowingListenerIsReportedWithItsException() throws Exception {
        client.emit("send", "throw");
        ListenerException error = assertInstanceOf(ListenerException.class, Await.next(ERRORS));
        assertSame(BOOM, error.getCause());
        thenTheConnectionStillWorks();
    }

    @Test
    void aMalformedEventFrameIsReported() throws Exception {
        client.emit("send", "malformed");
        assertInstanceOf(MalformedFrameException.class, Await.next(ERRORS));
        thenTheConnectionStillWorks();
    }
}
