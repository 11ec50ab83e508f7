package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;

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
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser client is served from the library jar at {@code /iris-ws.js} with
 * {@code Content-Type: application/javascript}, rendered for the application's message prefix,
 * without any code in the application.
 */
@ExtendWith(ArquillianExtension.class)
class IrisScriptIT {

    public static final class CustomPrefix implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().messagePrefix("app-events:").build();
        }
    }

    @EventEndpoint(value = "/events", config = CustomPrefix.class)
    public static class PrefixedEndpoint {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("script", PrefixedEndpoint.class, CustomPrefix.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void theScriptIsServedAsJavaScriptWithTheEndpointsPrefix() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(Urls.http(base, "/iris-ws.js")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("application/javascript"), contentType);
        assertTrue(response.body().contains("Ws"), "the Iris client class");
        assertTrue(response.body().contains("\"app-events:\""), "rendered for the endpoint's prefix");
    }
}
