package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;
import dev.sockeye.spi.OriginPolicy;
import dev.sockeye.tck.EventClient;
import dev.sockeye.tck.RawWebSocket;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spec §3 "origin" in a container, beyond the cross-origin refusal of {@code HandshakeIT}: a
 * request without an {@code Origin} header (a non-browser client) is accepted by default and
 * refused when the policy says so, with 403, while a same-origin browser still connects; with
 * {@code allowAllOrigins()} any origin connects. The upgrades are raw ({@link RawWebSocket}): the
 * presence or absence of the {@code Origin} header and the HTTP status are the point. The
 * allow-all endpoint is then used by a {@link dev.sockeye.client.SockeyeClient} that sends a
 * foreign origin, as an application on another site would.
 */
@ExtendWith(ArquillianExtension.class)
class OriginPolicyIT {

    @EventEndpoint("/default")
    public static class DefaultEndpoint {
    }

    public static final class BrowsersOnly implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().originPolicy(OriginPolicy.sameOrigin(Set.of(), false)).build();
        }
    }

    @EventEndpoint(value = "/browsers-only", config = BrowsersOnly.class)
    public static class BrowsersOnlyEndpoint {
    }

    public static final class Anyone implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().allowAllOrigins().build();
        }
    }

    @EventEndpoint(value = "/anyone", config = Anyone.class)
    public static class AnyoneEndpoint {
        @OnEvent("ping")
        public String ping() {
            return "pong";
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("origins", DefaultEndpoint.class, BrowsersOnly.class, BrowsersOnlyEndpoint.class,
                Anyone.class, AnyoneEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    private String sameOrigin() {
        return "http://127.0.0.1:" + base.getPort();
    }

    private int upgradeStatus(String path, Map<String, String> headers) throws Exception {
        try (RawWebSocket client = RawWebSocket.upgrade(Urls.ws(base, path), headers)) {
            return client.status();
        }
    }

    @Test
    void aClientWithoutOriginIsAcceptedByDefault() throws Exception {
        assertEquals(101, upgradeStatus("/default", Map.of()));
    }

    @Test
    void aClientWithoutOriginIsRefusedWhenThePolicySaysSo() throws Exception {
        assertEquals(403, upgradeStatus("/browsers-only", Map.of()));
        assertEquals(101, upgradeStatus("/browsers-only", Map.of("Origin", sameOrigin())), "a same-origin browser");
        assertEquals(403, upgradeStatus("/browsers-only", Map.of("Origin", "http://evil.example")));
    }

    @Test
    void allowAllOriginsAcceptsEveryOrigin() throws Exception {
        assertEquals(403, upgradeStatus("/default", Map.of("Origin", "http://evil.example")), "the default refuses it");
        assertEquals(101, upgradeStatus("/anyone", Map.of("Origin", "http://evil.example")));
        assertEquals(101, upgradeStatus("/anyone", Map.of()));
        try (EventClient foreign = EventClient.to(Urls.ws(base, "/anyone"), options -> options.header("Origin", "https://other.site"))
                .record("ping", String.class).connect()) {
            foreign.emit("ping", "");
            assertEquals("pong", foreign.next("ping", String.class));
        }
    }
}
