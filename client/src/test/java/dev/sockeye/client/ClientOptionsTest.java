package dev.sockeye.client;

import dev.sockeye.Config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented defaults are the code's, and invalid settings are rejected with their name. */
class ClientOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ClientOptions defaults = ClientOptions.defaults();
        assertEquals(Config.DEFAULT_MESSAGE_PREFIX, defaults.messagePrefix());
        assertFalse(defaults.binaryMessages());
        assertEquals(1024 * 1024, defaults.maxMessageSize());
        assertEquals(1024 * 1024, defaults.maxQueuedBytes());
        assertEquals(Duration.ofSeconds(10), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds(10), defaults.writeTimeout());
        assertEquals(Reconnect.never(), defaults.reconnect());
        assertEquals(Map.of(), defaults.headers());
        assertEquals(List.of(), defaults.subprotocols());
        assertTrue(defaults.container().isEmpty());
        assertEquals(defaults, defaults.toBuilder().build());
    }

    @Test
    void invalidValuesAreRejectedWithTheSettingsName() {
        assertRejected("messagePrefix", b -> b.messagePrefix("a;b"));
        assertRejected("messagePrefix", b -> b.messagePrefix(""));
        assertRejected("maxMessageSize", b -> b.maxMessageSize(0));
        assertRejected("maxQueuedBytes", b -> b.maxQueuedBytes(0));
        assertRejected("connectTimeout", b -> b.connectTimeout(Duration.ZERO));
        assertRejected("writeTimeout", b -> b.writeTimeout(Duration.ofSeconds(-1)));
        assertRejected("subprotocols", b -> b.subprotocols(List.of("a", "a")));
        assertRejected("header", b -> b.header(" ", "x"));
    }

    @Test
    void headersAndSubprotocolsAreCopied() {
        List<String> protocols = new ArrayList<>(List.of("v1"));
        ClientOptions options = ClientOptions.builder().subprotocols(protocols).header("X-A", "1").header("X-A", "2").build();
        protocols.add("v2");
        assertEquals(List.of("v1"), options.subprotocols());
        assertEquals(Map.of("X-A", List.of("1", "2")), options.headers());
        assertThrows(UnsupportedOperationException.class, () -> options.headers().put("X-B", List.of()));
    }

    private static void assertRejected(String setting, java.util.function.UnaryOperator<ClientOptions.Builder> change) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> change.apply(ClientOptions.builder()).build());
        assertTrue(error.getMessage().contains(setting), error.getMessage());
    }
}
