package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.Target;
import dev.sockeye.ee.EndpointPath;
import dev.sockeye.tck.EventClient;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A JAX-RS resource emits to a room through the injected registry of an endpoint
 * ({@code @Inject @EndpointPath("/news") ConnectionRegistry}): only that room's members receive it.
 */
@ExtendWith(ArquillianExtension.class)
class RestResourceEmitsToRoomIT {

    @EventEndpoint("/news")
    public static class NewsEndpoint {
        @OnConnect
        public void subscribe(Connection connection) {
            connection.join(connection.handshake().queryParameter("topic").orElseThrow());
            connection.emit("subscribed", connection.handshake().queryParameter("topic").orElseThrow());
        }
    }

    @ApplicationPath("/api")
    public static class RestApplication extends Application {
    }

    @Path("/headlines")
    @RequestScoped
    public static class HeadlineResource {
        @Inject
        @EndpointPath("/news")
        ConnectionRegistry news;

        @POST
        @Path("/{topic}")
        public String publish(@PathParam("topic") String topic, String headline) {
            news.to(Target.room(topic)).emit("headline", headline);
            return String.valueOf(news.members(topic).size());
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("rest", NewsEndpoint.class, RestApplication.class, HeadlineResource.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void aPostToTheResourceReachesTheRoomOnly() throws Exception {
        try (EventClient sport = subscriber("sport"); EventClient tech = subscriber("tech")) {
            assertEquals("sport", sport.next("subscribed", String.class));
            assertEquals("tech", tech.next("subscribed", String.class));

            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(Urls.http(base, "/api/headlines/sport"))
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString("Goal!")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode(), response.body());
            assertEquals("1", response.body(), "one member in the room");
            assertEquals("Goal!", sport.next("headline", String.class));
            assertNull(tech.poll(Duration.ofMillis(300)), "another room receives nothing");
        }
    }

    private EventClient subscriber(String topic) throws Exception {
        return EventClient.to(Urls.ws(base, "/news?topic=" + topic))
                .record("subscribed", String.class).record("headline", String.class).connect();
    }
}
