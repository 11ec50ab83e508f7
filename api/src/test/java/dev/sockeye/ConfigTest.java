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
    void toBuilderKeepsEveryValue() {
        Config custom = Config.builder().messagePrefix("m:").maxMessageSize(10).binaryMessages(true)
                .maxQueuedBytes(5).overflowPolicy(OverflowPolicy.DROP).build();
        assertEquals(custom, custom.toBuilder().build());
    }
}
