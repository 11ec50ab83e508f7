package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.OnEvent;
import dev.sockeye.Protocol;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both browser clients are served from the library jar, at {@code /iris-ws.js} and
 * {@code /sockeye.js}, with {@code Content-Type: application/javascript}, rendered for the message
 * prefix of the application's Iris endpoints (a neffos endpoint, which has no event prefix, does not
 * count), without any code in the application.
 */
@ExtendWith(ArquillianExtension.class)
class ClientScriptsIT {

    public static final class CustomPrefix implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().messagePrefix("app-events:").build();
        }
    }

    @EventEndpoint(value = "/events", config = CustomPrefix.class)
    public static class PrefixedEndpoint {
    }

    /** With the default config, prefix included: it must not outvote the Iris endpoint. */
    @EventEndpoint(value = "/neffos", protocol = Protocol.NEFFOS)
    @NeffosController("default")
    public static class NeffosEcho {
        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("script", PrefixedEndpoint.class, CustomPrefix.class, NeffosEcho.class);
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Urls.http(base, path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJavaScript(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.uri().toString());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("application/javascript"), contentType);
    }

    @Test
    void irisWsJsIsServedAsJavaScriptWithTheEndpointsPrefix() throws Exception {
        HttpResponse<String> response = get("/iris-ws.js", null);

        assertJavaScript(response);
        assertTrue(response.body().contains("global.Ws = Ws;"), "the Iris client class");
        assertTrue(response.body().contains("var EVENT_PREFIX = \"app-events:\";"), "rendered for the endpoint's prefix");
    }

    @Test
    void sockeyeJsIsServedAsJavaScriptWithTheEndpointsPrefixAsItsDefault() throws Exception {
        HttpResponse<String> response = get("/sockeye.js", null);

        assertJavaScript(response);
        assertTrue(response.body().contains("export function connect(url, options)"), "the sockeye.js module");
        assertTrue(response.body().contains("const DEFAULT_PREFIX = \"app-events:\";"), "rendered for the endpoint's prefix");
        assertFalse(response.body().contains("\"" + Config.DEFAULT_MESSAGE_PREFIX + "\""), "the default prefix is gone");

        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/sockeye.js", etag).statusCode(), "a browser that holds this version gets 304");
    }
}
