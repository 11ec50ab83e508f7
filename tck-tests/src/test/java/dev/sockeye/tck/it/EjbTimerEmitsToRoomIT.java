package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.EventClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An EJB timer ({@link RoomTicker}) emits to a room through the injected registry of an endpoint
 * ({@code @Inject @EndpointPath("/ticker") ConnectionRegistry}): the room's members receive every
 * tick, a connection in another room none. The EJB is a {@code @Startup} singleton, which a container
 * may create before the web application's initializers run (all four of the suite do): the registry it is
 * injected with then finds its endpoint at its first use, from the timer's thread. What the
 * registry said when the singleton was constructed, and whether the timer thread's context class
 * loader was the application's, are reported by the endpoint and printed; the test asserts that
 * the registry said either "deployed" or the message that explains why not.
 */
@ExtendWith(ArquillianExtension.class)
class EjbTimerEmitsToRoomIT {

    @EventEndpoint("/ticker")
    public static class TickerEndpoint {
        @OnConnect
        public void subscribe(Connection connection) {
            String room = connection.handshake().queryParameter("room").orElseThrow();
            connection.emit("subscribed", room); // before joining, so that it comes before the first tick
            connection.join(room);
        }

        @OnEvent("startup")
        public String startup() {
            return "at construction: " + RoomTicker.atConstruction + "; timer thread's context class loader is the "
                    + "application's: " + RoomTicker.timerLoaderIsApplications;
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("ejb-timer", TickerEndpoint.class, RoomTicker.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void theTimersEmitsReachTheRoomOnly() throws Exception {
        try (EventClient member = subscriber("ticks"); EventClient other = subscriber("other")) {
            assertEquals("ticks", member.next("subscribed", String.class));
            assertEquals("other", other.next("subscribed", String.class));

            int first = member.next("tick", Integer.class);
            assertTrue(member.next("tick", Integer.class) > first, "the timer keeps emitting");
            assertNull(other.poll(Duration.ofMillis(500)), "another room receives nothing");

            other.emit("startup", "");
            String startup = other.next("startup", String.class);
            System.out.println("EjbTimerEmitsToRoomIT: " + startup);
            assertTrue(startup.startsWith("at construction: deployed, ")
                    || startup.contains("this application's endpoints are not deployed (yet: a @Startup bean may be "
                    + "created before the web application starts"), startup);
        }
    }

    private EventClient subscriber(String room) throws Exception {
        return EventClient.to(Urls.ws(base, "/ticker?room=" + room)).record("subscribed", String.class)
                .record("tick", Integer.class).record("startup", String.class).connect();
    }
}
