package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.tck.EventClient;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A programmatic endpoint ({@code Sockeye.endpoint(path, config, listener)}) returned by the
 * application's {@link ServerApplicationConfig} is deployed by the container next to the library's
 * initializer, and behaves as on the embedded server.
 */
@ExtendWith(ArquillianExtension.class)
class ProgrammaticEndpointIT {

    public static class ChatApplication implements ServerApplicationConfig {
        static final SockeyeEndpoint CHAT = Sockeye.endpoint("/chat", Config.defaults(), connection -> {
            connection.join("room1");
            connection.emit("joined", "room1");
            connection.on("chat", String.class, message ->
                    connection.to(Target.room("room1")).emit("chat", "From: " + connection.id().length() + ": " + message));
        });

        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return Set.of(CHAT.serverEndpointConfig());
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of();
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("programmatic", ChatApplication.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void theIrisChatWorksInTheContainer() throws Exception {
        try (EventClient a = chatter(); EventClient b = chatter()) {
            assertEquals("room1", a.next("joined", String.class));
            assertEquals("room1", b.next("joined", String.class));
            a.emit("chat", "hello");
            assertEquals("From: 36: hello", a.next("chat", String.class));
            assertEquals("From: 36: hello", b.next("chat", String.class));
        }
    }

    private EventClient chatter() throws Exception {
        return EventClient.to(Urls.ws(base, "/chat")).record("joined", String.class).record("chat", String.class).connect();
    }
}
