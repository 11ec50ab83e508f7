package dev.sockeye;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        Config config = Config.defaults();
        assertEquals("iris-websocket-message:", config.messagePrefix());
        assertEquals(1024, config.maxMessageSize());
        assertFalse(config.binaryMessages());
        assertEquals(1024 * 1024, config.maxQueuedBytes());
        assertEquals(OverflowPolicy.CLOSE, config.overflowPolicy());
    }

    @Test
    void invalidValuesAreRejectedNotClamped() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Config.builder().maxMessageSize(0).build()).getMessage().contains("maxMessageSize"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Config.builder().maxQueuedBytes(0).build()).getMessage().contains("maxQueuedBytes"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Config.builder().messagePrefix("").build()).getMessage().contains("messagePrefix"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Config.builder().messagePrefix("a;b:").build()).getMessage().contains("messagePrefix"));
        assertThrows(NullPointerException.class, () -> Config.builder().idGenerator(null).build());
    }

    @Test
    void timeoutDefaultsAreTheSeedValuesAndPongIsLongerThanPing() {
        Config config = Config.defaults();
        assertEquals(java.time.Duration.ofSeconds(10), config.writeTimeout());
        assertEquals(java.time.Duration.ZERO, config.readTimeout());
        assertEquals(java.time.Duration.ofSeconds(54), config.pingPeriod());
        assertEquals(java.time.Duration.ofSeconds(60), config.pongTimeout());
        assertEquals(java.time.Duration.ZERO, config.handshakeTimeout());
        assertEquals(0, config.readBufferSize());
        assertEquals(0, config.writeBufferSize());
        assertFalse(config.enableCompression());
        assertTrue(config.subprotocols().isEmpty());
    }

    @Test
    void inconsistentTimeoutsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.builder()
                .pingPeriod(java.time.Duration.ofSeconds(60)).pongTimeout(java.time.Duration.ofSeconds(60)).build())
                .getMessage().contains("pingPeriod"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.builder()
                .pongTimeout(java.time.Duration.ZERO).build()).getMessage().contains("pongTimeout"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.builder()
                .writeTimeout(java.time.Duration.ofMillis(-1)).build()).getMessage().contains("writeTimeout"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.builder()
                .readTimeout(java.time.Duration.ofMillis(-1)).build()).getMessage().contains("readTimeout"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.builder()
                .readBufferSize(-1).build()).getMessage().contains("readBufferSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.builder()
                .subprotocols(java.util.List.of("a", "a")).build()).getMessage().contains("subprotocols"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.builder()
                .subprotocols(java.util.List.of(" ")).build()).getMessage().contains("subprotocols"));
        // pings off: any pong timeout is fine
        Config.builder().pingPeriod(java.time.Duration.ZERO).pongTimeout(java.time.Duration.ofMillis(1)).build();
    }

    @Test
    void aRefusalNeedsAnHttpErrorStatus() {
        assertThrows(IllegalArgumentException.class, () -> new HandshakeRefusedException(200, "ok?"));
        assertEquals(401, new HandshakeRefusedException(401, "log in").status());
    }

    @Test
    void toBuilderKeepsEveryValue() {
        Config custom = Config.builder().messagePrefix("m:").maxMessageSize(10).binaryMessages(true)
                .maxQueuedBytes(5).overflowPolicy(OverflowPolicy.DROP)
                .writeTimeout(java.time.Duration.ofSeconds(1)).readTimeout(java.time.Duration.ofSeconds(2))
                .pingPeriod(java.time.Duration.ofSeconds(3)).pongTimeout(java.time.Duration.ofSeconds(4))
                .handshakeTimeout(java.time.Duration.ofSeconds(5)).readBufferSize(6).writeBufferSize(7)
                .enableCompression(true).subprotocols(java.util.List.of("x")).build();
        assertEquals(custom, custom.toBuilder().build());
    }
}
