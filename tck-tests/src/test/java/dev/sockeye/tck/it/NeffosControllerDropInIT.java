package dev.sockeye.tck.it;

import dev.sockeye.EventEndpoint;
import dev.sockeye.Handshake;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.OnEvent;
import dev.sockeye.Protocol;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Drop-in neffos: two {@code @EventEndpoint(protocol = NEFFOS)} controllers of one path, found at
 * start-up, serve one neffos endpoint with two namespaces; the controllers get {@code @Inject}
 * from CDI and the handshake; events are answered, asks replied to; a {@code HEAD} on the path
 * (neffos.js's reconnect probe) answers 302.
 */
@ExtendWith(ArquillianExtension.class)
class NeffosControllerDropInIT {

    @ApplicationScoped
    public static class Greeter {
        public String greet(String name) {
            return "Hello, " + name + "!";
        }
    }

    /** Not a bean: injected through Unmanaged, one instance per namespace connection. */
    @EventEndpoint(value = "/neffos", protocol = Protocol.NEFFOS)
    @NeffosController("default")
    public static class GreetingController {
        @Inject
        Greeter greeter;

        @OnEvent("greet")
        public String greet(String name) {
            return greeter.greet(name);
        }

        @OnEvent("name")
        public String name(Handshake handshake) {
            return handshake.queryParameter("name").orElse("?");
        }
    }

    @EventEndpoint(value = "/neffos", protocol = Protocol.NEFFOS)
    @NeffosController("admin")
    public static class AdminController {
        @OnEvent("whoami")
        public String whoami(NamespaceConnection ns) {
            return ns.connection().id();
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("neffos", Greeter.class, GreetingController.class, AdminController.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void aControllerWithAnInjectedBeanAnswersAnEventAndAnAsk() throws Exception {
        try (NeffosWireClient client = NeffosWireClient.dial(Urls.ws(base, "/neffos?name=ana"))) {
            NeffosWireClient.Frame connected = client.connect("default");
            assertFalse(connected.isError(), connected.toString());

            client.emit("default", "greet", "Ada");
            NeffosWireClient.Frame answer = client.next();
            assertEquals(new NeffosWireClient.Frame("", "default", "", "greet", false, "Hello, Ada!"), answer,
                    "an emit's return value is emitted back on the event");

            NeffosWireClient.Frame reply = client.ask("default", "greet", "Bob");
            assertEquals("Hello, Bob!", reply.body(), reply.toString());
            assertFalse(reply.isError());

            assertEquals("ana", client.ask("default", "name", "").body(), "the handshake reaches the controller");
        }
    }

    @Test
    void theControllersOfOnePathAreTheNamespacesOfOneEndpoint() throws Exception {
        try (NeffosWireClient client = NeffosWireClient.dial(Urls.ws(base, "/neffos"))) {
            assertFalse(client.connect("admin").isError());
            assertEquals(client.id(), client.ask("admin", "whoami", "").body());
            NeffosWireClient.Frame unknown = client.connect("nowhere");
            assertEquals("bad namespace", unknown.body(), unknown.toString());
        }
    }

    @Test
    void headOnTheEndpointPathAnswers302() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(Urls.http(base, "/neffos"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, head.statusCode());
        HttpResponse<Void> get = http.send(HttpRequest.newBuilder(Urls.http(base, "/neffos")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertNotEquals(302, get.statusCode(), "only HEAD is the probe; a plain GET passes on");
    }
}
