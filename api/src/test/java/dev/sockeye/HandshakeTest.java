package dev.sockeye;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
