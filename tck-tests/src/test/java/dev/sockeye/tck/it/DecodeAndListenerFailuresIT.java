package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.ListenerException;
import dev.sockeye.OnConnect;
import dev.sockeye.OnError;
import dev.sockeye.OnEvent;
import dev.sockeye.PayloadDecodeException;
import dev.sockeye.client.ClientState;
import dev.sockeye.tck.EventClient;

import jakarta.websocket.CloseReason;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §1.3 and §3 "handlers" in a container: a payload that cannot become the declared type is not
 * dropped silently but reaches the error handler naming the event and the type; an exception in a
 * handler reaches it too; neither closes the connection. A failing connect handler closes the
 * connection with 1011.
 */
@ExtendWith(ArquillianExtension.class)
class DecodeAndListenerFailuresIT {

    @EventEndpoint("/failures")
    public static class FailuresEndpoint {
        @OnEvent("count")
        public int count(int count) {
            return count + 1;
        }

        @OnEvent("boom")
        public void boom() {
            throw new IllegalStateException("boom!");
        }

        @OnError
        public void error(Connection connection, Throwable problem) {
            if (problem instanceof PayloadDecodeException decode) {
                connection.emit("decode-error", decode.event() + "|" + decode.getMessage());
            } else if (problem instanceof ListenerException listener) {
                connection.emit("listener-error", listener.getCause().getMessage());
            }
        }
    }

    @EventEndpoint("/failing-connect")
    public static class FailingConnectEndpoint {
        @OnConnect
        public void connect(Connection connection) {
            throw new IllegalStateException("no, thanks");
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("failures", FailuresEndpoint.class, FailingConnectEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    private EventClient connect(String path) throws Exception {
        return EventClient.to(Urls.ws(base, path))
                .record("count", Integer.class)
                .record("decode-error", String.class)
                .record("listener-error", String.class)
                .connect();
    }

    @Test
    void anUndecodablePayloadReachesTheErrorHandlerAndTheConnectionStaysOpen() throws Exception {
        try (EventClient client = connect("/failures")) {
            client.emit("count", "abc");
            String error = client.next("decode-error", String.class);
            assertTrue(error.startsWith("count|cannot decode the payload of event 'count' as int"), error);

            client.emit("count", 41);
            assertEquals(42, client.next("count", Integer.class));
            assertEquals(ClientState.OPEN, client.client().state());
        }
    }

    @Test
    void aThrowingHandlerReachesTheErrorHandlerAndTheConnectionStaysOpen() throws Exception {
        try (EventClient client = connect("/failures")) {
            client.emit("boom", "");
            assertEquals("boom!", client.next("listener-error", String.class));
            client.emit("count", 1);
            assertEquals(2, client.next("count", Integer.class));
            assertEquals(ClientState.OPEN, client.client().state());
        }
    }

    @Test
    void aThrowingConnectHandlerClosesWith1011() throws Exception {
        try (EventClient client = connect("/failing-connect")) {
            assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, client.awaitClose().getCloseCode());
        }
    }
}
