package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.Handshake;
import dev.sockeye.Key;
import dev.sockeye.ListenerException;
import dev.sockeye.OnConnect;
import dev.sockeye.OnError;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.EventClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §3 "lifecycle" in a container: the per-connection value store (Iris's
 * {@code SetValue}/{@code GetValue}, as typed keys) keeps what one handler stored for the later
 * handlers of the same connection only, and refuses a value of another type than its key's; and
 * {@code fireError} (Iris's {@code FireOnError}) reaches the error handler with the very problem
 * raised, sends nothing by itself, and leaves the connection open. The connections are
 * {@link dev.sockeye.client.SockeyeClient}s.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionValuesAndFireErrorIT {

    @EventEndpoint("/values")
    public static class ValuesEndpoint {
        static final Key<String> USER = Key.of("user", String.class);
        static final Key<AtomicInteger> VISITS = Key.of("visits", AtomicInteger.class);

        @OnConnect
        public void remember(Connection connection, Handshake handshake) {
            connection.values().put(USER, handshake.queryParameter("user").orElse("anonymous"));
        }

        @OnEvent("visit")
        public String visit(Connection connection) {
            int visits = connection.values().computeIfAbsent(VISITS, AtomicInteger::new).incrementAndGet();
            return connection.values().get(USER).orElseThrow() + " " + visits;
        }

        @OnEvent("mistype")
        @SuppressWarnings({"unchecked", "rawtypes"})
        public String mistype(Connection connection) {
            Key<String> lying = (Key) Key.of("visits", Integer.class);
            try {
                connection.values().put(lying, "not a number");
                return "stored";
            } catch (ClassCastException refused) {
                return "refused";
            }
        }

        @OnEvent("quota")
        public void quota(Connection connection, String what) {
            connection.fireError(new IllegalStateException("quota exceeded: " + what));
        }

        @OnError
        public void error(Connection connection, Throwable problem) {
            String kind = problem instanceof ListenerException ? "listener" : problem.getClass().getSimpleName();
            connection.emit("error", kind + ": " + problem.getMessage());
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("values", ValuesEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    private EventClient connect(String user) throws Exception {
        return EventClient.to(Urls.ws(base, "/values?user=" + user))
                .record("visit", String.class).record("mistype", String.class).record("error", String.class)
                .connect();
    }

    @Test
    void valuesStoredByOneHandlerAreReadByLaterHandlersOfTheSameConnectionOnly() throws Exception {
        try (EventClient ana = connect("ana"); EventClient bo = connect("bo")) {
            ana.emit("visit", "");
            assertEquals("ana 1", ana.next("visit", String.class));
            ana.emit("visit", "");
            assertEquals("ana 2", ana.next("visit", String.class));
            bo.emit("visit", "");
            assertEquals("bo 1", bo.next("visit", String.class), "bo has values of its own");
        }
    }

    @Test
    void aValueOfAnotherTypeThanItsKeyIsRefused() throws Exception {
        try (EventClient ana = connect("ana")) {
            ana.emit("mistype", "");
            assertEquals("refused", ana.next("mistype", String.class));
            ana.emit("visit", "");
            assertEquals("ana 1", ana.next("visit", String.class), "the store is unchanged");
        }
    }

    @Test
    void aFiredErrorReachesTheErrorHandlerAndTheConnectionStaysOpen() throws Exception {
        try (EventClient ana = connect("ana")) {
            ana.emit("quota", "uploads");
            assertEquals("IllegalStateException: quota exceeded: uploads", ana.next("error", String.class),
                    "the problem itself, not wrapped as a listener failure");
            ana.emit("visit", "");
            assertEquals("ana 1", ana.next("visit", String.class));
            assertTrue(ana.isOpen());
            ana.assertNoErrors();
        }
    }
}
