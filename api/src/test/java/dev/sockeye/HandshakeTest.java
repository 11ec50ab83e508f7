package dev.sockeye;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HandshakeTest {

    @Test
    void headersAreCaseInsensitiveAndTheCopyIsImmutable() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("X-User", new ArrayList<>(List.of("ana")));
        Handshake handshake = new Handshake(URI.create("/ws?a=1"), headers, Map.of("a", List.of("1")), Map.of(),
                Optional.empty());
        headers.get("X-User").set(0, "changed");
        assertEquals(Optional.of("ana"), handshake.header("x-user"));
        assertEquals(Optional.of("1"), handshake.queryParameter("a"));
        assertThrows(UnsupportedOperationException.class, () -> handshake.headers().put("b", List.of()));
    }

    @Test
    void headerNamesDifferingOnlyInCaseAreMergedAndSortedCaseInsensitively() {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("x-b", List.of("1"));
        headers.put("Accept", List.of("a", "b"));
        headers.put("X-B", List.of("2"));
        Handshake handshake = new Handshake(URI.create("/ws"), headers, Map.of(), Map.of(), Optional.empty());

        assertEquals(List.of("Accept", "x-b"), List.copyOf(handshake.headers().keySet()));
        assertEquals(List.of("1", "2"), handshake.headers().get("X-b"));
        assertEquals(List.of("a", "b"), handshake.headers().get("ACCEPT"));
        assertEquals(Map.of("Accept", List.of("a", "b"), "x-b", List.of("1", "2")), handshake.headers());
        assertEquals(handshake.headers(), Map.of("Accept", List.of("a", "b"), "x-b", List.of("1", "2")));
        assertEquals(Map.of("Accept", List.of("a", "b"), "x-b", List.of("1", "2")).hashCode(),
                handshake.headers().hashCode());
        assertNull(handshake.headers().get("missing"));
        assertNull(handshake.headers().get(42));
    }

    @Test
    void queryParametersKeepTheirOrderAndAreMatchedExactly() {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        query.put("z", List.of("1"));
        query.put("a", List.of("2", "3"));
        query.put("A", List.of("4"));
        Handshake handshake = new Handshake(URI.create("/ws"), Map.of(), query, Map.of(), Optional.empty());

        assertEquals(List.of("z", "a", "A"), List.copyOf(handshake.queryParameters().keySet()));
        assertEquals(List.of("2", "3"), handshake.queryParameters().get("a"));
        assertEquals(Optional.of("4"), handshake.queryParameter("A"));
        assertTrue(handshake.queryParameters().containsKey("z"));
        assertThrows(UnsupportedOperationException.class, () -> handshake.queryParameters().remove("z"));
        assertThrows(UnsupportedOperationException.class, () -> handshake.queryParameters().get("a").add("5"));
    }

    @Test
    void aHandshakeMadeFromAnotherSharesItsImmutableMapsInsteadOfCopyingThem() {
        Handshake first = new Handshake(URI.create("/ws"), Map.of("Host", List.of("h")), Map.of("a", List.of("1")),
                Map.of(), Optional.empty());
        Handshake completed = new Handshake(first.requestUri(), first.headers(), first.queryParameters(),
                Map.of("room", "r"), first.principal(), Optional.of("chat"), Optional.empty());

        assertSame(first.headers(), completed.headers());
        assertSame(first.queryParameters(), completed.queryParameters());
    }
}
