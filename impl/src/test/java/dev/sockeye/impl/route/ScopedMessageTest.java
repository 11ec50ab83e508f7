package dev.sockeye.impl.route;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A message's scopes: copies that share the body, keep each other's scope, and cost nothing when unchanged. */
class ScopedMessageTest {

    @Test
    void scopedCopiesShareTheBodyAndKeepEachOthersScope() {
        byte[] body = {1, 2, 3};
        Message message = Message.decoded("e", dev.sockeye.spi.ClusterEnvelope.Kind.BYTES, body);
        assertNull(message.excludedId());
        assertNull(message.scope());
        Message scoped = message.excluding("a").inScope("chat");
        assertEquals("a", scoped.excludedId());
        assertEquals("chat", scoped.scope());
        assertSame(body, scoped.bytesBody(), "the body is shared, not copied");
        assertEquals("e", scoped.event());
        assertEquals(dev.sockeye.spi.ClusterEnvelope.Kind.BYTES, scoped.kind());
        assertNull(message.excludedId(), "the original is unchanged");
        assertEquals("chat", scoped.excluding(null).scope(), "removing one scope keeps the other");
        assertNull(scoped.excluding(null).excludedId());
    }

    @Test
    void anUnchangedScopeReturnsTheSameMessage() {
        Message message = Message.of("e", "x", null);
        assertSame(message, message.excluding(null).inScope(null));
        Message scoped = message.excluding("a");
        assertSame(scoped, scoped.excluding("a"));
    }
}
