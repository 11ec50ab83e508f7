package dev.sockeye.spi;

import dev.sockeye.Handshake;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginPolicyTest {

    private static Handshake handshake(String origin, String host) {
        Map<String, List<String>> headers = new HashMap<>();
        if (origin != null) {
            headers.put("Origin", List.of(origin));
        }
        headers.put("Host", List.of(host));
        return new Handshake(URI.create("/ws"), headers, Map.of(), Map.of(), Optional.empty());
    }

    @Test
    void sameOriginIsAllowedAndCrossOriginRefused() {
        OriginPolicy policy = OriginPolicy.sameOrigin(Set.of());
        assertTrue(policy.allows(handshake("http://localhost:8080", "localhost:8080")));
        assertTrue(policy.allows(handshake("http://example.com", "example.com")));
        assertTrue(policy.allows(handshake("https://example.com", "example.com")));
        assertFalse(policy.allows(handshake("http://evil.example", "localhost:8080")));
        assertFalse(policy.allows(handshake("http://localhost:9999", "localhost:8080")));
        assertFalse(policy.allows(handshake("null", "localhost:8080")));
    }

    @Test
    void requestsWithoutOriginAreAllowed() {
        assertTrue(OriginPolicy.sameOrigin(Set.of()).allows(handshake(null, "localhost:8080")));
    }

    @Test
    void allowListedOriginsAreAllowed() {
        OriginPolicy policy = OriginPolicy.sameOrigin(Set.of("https://App.example"));
        assertTrue(policy.allows(handshake("https://app.example", "api.example")));
        assertFalse(policy.allows(handshake("https://other.example", "api.example")));
    }

    @Test
    void allowAllAllowsAnything() {
        assertTrue(OriginPolicy.allowAll().allows(handshake("http://evil.example", "localhost")));
    }
}
