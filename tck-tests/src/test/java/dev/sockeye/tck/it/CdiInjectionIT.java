package dev.sockeye.tck.it;

import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.TestClient;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.UUID;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Endpoint instances come from CDI: {@code @Inject} works in a plain endpoint class (not a bean:
 * injected through {@code Unmanaged}, one instance per connection), a {@code @Dependent} endpoint
 * bean gets one instance per connection, and an {@code @ApplicationScoped} one is shared.
 */
@ExtendWith(ArquillianExtension.class)
class CdiInjectionIT {

    @ApplicationScoped
    public static class Greeter {
        public String greet(String name) {
            return "Hello, " + name + "!";
        }
    }

    /** No bean-defining annotation: not a bean, yet injected. */
    @EventEndpoint("/plain")
    public static class PlainEndpoint {
        @Inject
        Greeter greeter;
        private String instance;

        @PostConstruct
        void created() {
            instance = UUID.randomUUID().toString();
        }

        @OnEvent("greet")
        public String greet(String name) {
            return greeter.greet(name);
        }

        @OnEvent("instance")
        public String instance() {
            return instance;
        }
    }

    @Dependent
    @EventEndpoint("/dependent")
    public static class DependentEndpoint {
        @Inject
        Greeter greeter;
        private final String instance = UUID.randomUUID().toString();

        @OnEvent("greet")
        public String greet(String name) {
            return greeter.greet(name);
        }

        @OnEvent("instance")
        public String instance() {
            return instance;
        }
    }

    @ApplicationScoped
    @EventEndpoint("/shared")
    public static class SharedEndpoint {
        @Inject
        Greeter greeter;
        private final String instance = UUID.randomUUID().toString();

        @OnEvent("greet")
        public String greet(String name) {
            return greeter.greet(name);
        }

        @OnEvent("instance")
        public String instance() {
            return instance;
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("cdi", Greeter.class, PlainEndpoint.class, DependentEndpoint.class, SharedEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    private String ask(TestClient client, String event, String payload) throws Exception {
        client.emit(event, 0, payload);
        String frame = client.next();
        String head = PREFIX + event + ";0;";
        assertEquals(head, frame.substring(0, Math.min(head.length(), frame.length())), frame);
        return frame.substring(head.length());
    }

    @Test
    void injectionWorksInAnEndpointClassThatIsNotABean() throws Exception {
        try (TestClient a = TestClient.connect(Urls.ws(base, "/plain")); TestClient b = TestClient.connect(Urls.ws(base, "/plain"))) {
            assertEquals("Hello, Ada!", ask(a, "greet", "Ada"));
            assertNotEquals(ask(a, "instance", ""), ask(b, "instance", ""), "one instance per connection");
        }
    }

    @Test
    void aDependentEndpointBeanHasOneInstancePerConnection() throws Exception {
        try (TestClient a = TestClient.connect(Urls.ws(base, "/dependent")); TestClient b = TestClient.connect(Urls.ws(base, "/dependent"))) {
            assertEquals("Hello, Bob!", ask(a, "greet", "Bob"));
            assertNotEquals(ask(a, "instance", ""), ask(b, "instance", ""));
        }
    }

    @Test
    void anApplicationScopedEndpointIsSharedByEveryConnection() throws Exception {
        try (TestClient a = TestClient.connect(Urls.ws(base, "/shared")); TestClient b = TestClient.connect(Urls.ws(base, "/shared"))) {
            assertEquals("Hello, Cy!", ask(a, "greet", "Cy"));
            assertEquals(ask(a, "instance", ""), ask(b, "instance", ""));
        }
    }
}
