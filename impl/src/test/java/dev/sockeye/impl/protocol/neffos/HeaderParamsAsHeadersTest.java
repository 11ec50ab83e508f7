package dev.sockeye.impl.protocol.neffos;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** X-Websocket-Header-* query parameters count as headers, never over real or browser-owned ones. */
class HeaderParamsAsHeadersTest {

    @Test
    void aParameterBecomesAHeaderMatchedCaseInsensitively() {
        Map<String, List<String>> headers = HeaderParamsRequest.merge(Map.of("Host", List.of("h")),
                Map.of("x-websocket-header-X-Token", List.of("abc"), "other", List.of("1")));
        assertEquals(List.of("abc"), headers.get("x-token"));
        assertFalse(headers.containsKey("other"));
    }

    @Test
    void aRealHeaderWins() {
        Map<String, List<String>> headers = HeaderParamsRequest.merge(Map.of("X-Token", List.of("real")),
                Map.of("X-Websocket-Header-X-Token", List.of("forged")));
        assertEquals(List.of("real"), headers.get("X-Token"));
    }

    @Test
    void browserOwnedHeadersCannotBeForged() {
        Map<String, List<String>> headers = HeaderParamsRequest.merge(Map.of(), Map.of(
                "X-Websocket-Header-Origin", List.of("https://evil.example"),
                "X-Websocket-Header-Cookie", List.of("session=1"),
                "X-Websocket-Header-Sec-WebSocket-Protocol", List.of("p")));
        assertEquals(Map.of(), headers);
    }
}
