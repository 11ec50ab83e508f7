package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.OnNativeMessage;
import dev.sockeye.tck.EventClient;
import dev.sockeye.tck.TestClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spec §1.1 and the {@code messagePrefix} setting ({@code EvtMessagePrefix}) in a container: with a
 * custom prefix, every event frame the server sends starts with it, incoming frames with it are
 * events, and a frame with the default prefix is then a native message. Raw frames
 * ({@link TestClient}): the bytes on the wire are the point. A
 * {@link dev.sockeye.client.SockeyeClient} configured with the same prefix then talks to the
 * endpoint as an application would.
 */
@ExtendWith(ArquillianExtension.class)
class CustomMessagePrefixIT {

    static final String PREFIX = "app-events:";

    public static final class AppEvents implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().messagePrefix(PREFIX).build();
        }
    }

    @EventEndpoint(value = "/prefixed", config = AppEvents.class)
    public static class PrefixedEndpoint {
        @OnConnect
        public void hello(Connection connection) {
            connection.emit("hello", 7);
        }

        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }

        @OnNativeMessage
        public String echoNative(String text) {
            return "native:" + text;
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("prefix", PrefixedEndpoint.class, AppEvents.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void eventFramesCarryTheCustomPrefixBothWays() throws Exception {
        try (TestClient client = TestClient.connect(Urls.ws(base, "/prefixed"))) {
            assertEquals(PREFIX + "hello;1;7", client.next(), "an event the server emits");

            client.send(PREFIX + "echo;0;a;b");
            assertEquals(PREFIX + "echo;0;a;b", client.next(), "an incoming frame with the prefix is an event");

            client.send(TestClient.PREFIX + "echo;0;hi");
            assertEquals("native:" + TestClient.PREFIX + "echo;0;hi", client.next(),
                    "a frame with the default prefix is a native message here");
        }
    }

    @Test
    void aJavaClientWithTheSamePrefixTalksToTheEndpoint() throws Exception {
        try (EventClient client = EventClient.to(Urls.ws(base, "/prefixed"), options -> options.messagePrefix(PREFIX))
                .record("hello", Integer.class).record("echo", String.class).connect()) {
            assertEquals(7, client.next("hello", Integer.class));
            client.emit("echo", "over the custom prefix");
            assertEquals("over the custom prefix", client.next("echo", String.class));
            client.assertNoErrors();
        }
    }
}
