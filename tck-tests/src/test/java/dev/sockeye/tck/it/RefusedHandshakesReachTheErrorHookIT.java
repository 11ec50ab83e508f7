package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.EventEndpoint;
import dev.sockeye.HandshakeRefusedException;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.EventClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spec §3 "handshake" in a container: the handshake error listener (Iris's
 * {@code Error(status, reason)}) hears every handshake Sockeye refuses, with the status the client
 * gets as its HTTP answer: an authorizer's 400 for a malformed token and 403 for a revoked one, and
 * the origin policy's 403. An accepted handshake is not reported, and no refused one becomes a
 * connection. Requests that are no valid upgrade at all are the container's to answer and never
 * reach Sockeye (see {@code HandshakeErrorListener}). The refusals are made with
 * {@link Refusals} on a raw client, since the HTTP status is the point; an {@link Observer} asks the
 * deployment what its listener heard.
 */
@ExtendWith(ArquillianExtension.class)
class RefusedHandshakesReachTheErrorHookIT {

    /** Refuses a present but bad {@code token}; records every refusal as {@code <tag>|<status> <reason>}. */
    public static final class Guarded implements Supplier<Config> {
        static final List<String> HEARD = new CopyOnWriteArrayList<>();

        @Override
        public Config get() {
            return Config.builder()
                    .authorizer(handshake -> {
                        String token = handshake.queryParameter("token").orElse("");
                        if (token.equals("malformed")) {
                            throw new HandshakeRefusedException(400, "malformed token");
                        }
                        if (token.equals("revoked")) {
                            throw new HandshakeRefusedException(403, "token revoked");
                        }
                    })
                    .handshakeErrorListener((status, reason, handshake) ->
                            HEARD.add(handshake.queryParameter("tag").orElse("") + "|" + status + " " + reason))
                    .build();
        }
    }

    @EventEndpoint(value = "/guarded", config = Guarded.class)
    public static class GuardedEndpoint {
        @OnEvent("heard")
        public String heard(String tag) {
            return String.join(",", Guarded.HEARD.stream()
                    .filter(entry -> entry.startsWith(tag + "|"))
                    .map(entry -> entry.substring(tag.length() + 1))
                    .toList());
        }

        @OnEvent("count")
        public String count(ConnectionRegistry registry) {
            return String.valueOf(registry.count());
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("refusals", GuardedEndpoint.class, Guarded.class);
    }

    @ArquillianResource
    private URL base;

    private URI guarded(String query) {
        return Urls.ws(base, "/guarded?" + query);
    }

    @Test
    void everyRefusalReachesTheErrorHookWithTheStatusTheClientGets() throws Exception {
        String tag = UUID.randomUUID().toString();
        Refusals.assertRefused(guarded("token=malformed&tag=" + tag), Map.of(), 400);
        Refusals.assertRefused(guarded("token=revoked&tag=" + tag), Map.of(), 403);
        Refusals.assertRefused(guarded("tag=" + tag), Map.of("Origin", List.of("http://evil.example")), 403);

        try (Observer observer = Observer.connect(Urls.ws(base, "/guarded"), "heard", "count")) {
            // the listener runs inside the upgrade, before the client has its answer
            assertEquals("400 malformed token,403 token revoked,403 origin not allowed: http://evil.example",
                    observer.ask("heard", tag));
            assertEquals("1", observer.ask("count", ""), "only the observer is connected");
        }
    }

    @Test
    void anAcceptedHandshakeIsNotReported() throws Exception {
        String tag = UUID.randomUUID().toString();
        try (EventClient accepted = EventClient.to(guarded("token=fine&tag=" + tag)).record("heard", String.class).connect()) {
            accepted.emit("heard", tag);
            assertEquals("", accepted.next("heard", String.class));
        }
    }
}
