package dev.sockeye.tck.it;

import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.EventClient;

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

    private EventClient connect(String path) throws Exception {
        return EventClient.to(Urls.ws(base, path)).record("greet", String.class).record("instance", String.class).connect();
    }

    private static String ask(EventClient client, String event, String payload) throws Exception {
        client.emit(event, payload);
        return client.next(event, String.class);
    }

    @Test
    void injectionWorksInAnEndpointClassThatIsNotABean() throws Exception {
        try (EventClient a = connect("/plain"); EventClient b = connect("/plain")) {
            assertEquals("Hello, Ada!", ask(a, "greet", "Ada"));
            assertNotEquals(ask(a, "instance", ""), ask(b, "instance", ""), "one instance per connection");
        }
    }

    @Test
    void aDependentEndpointBeanHasOneInstancePerConnection() throws Exception {
        try (EventClient a = connect("/dependent"); EventClient b = connect("/dependent")) {
            assertEquals("Hello, Bob!", ask(a, "greet", "Bob"));
            assertNotEquals(ask(a, "instance", ""), ask(b, "instance", ""));
        }
    }

    @Test
    void anApplicationScopedEndpointIsSharedByEveryConnection() throws Exception {
        try (EventClient a = connect("/shared"); EventClient b = connect("/shared")) {
            assertEquals("Hello, Cy!", ask(a, "greet", "Cy"));
            assertEquals(ask(a, "instance", ""), ask(b, "instance", ""));
        }
    }
}
