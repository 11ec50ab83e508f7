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
        Message message = Message.bytesEvent("e", 3, body);
        assertNull(message.excludedId());
        assertNull(message.namespace());
        Message scoped = message.excluding("a").inNamespace("chat");
        assertEquals("a", scoped.excludedId());
        assertEquals("chat", scoped.namespace());
        assertSame(body, scoped.bytesBody(), "the body is shared, not copied");
        assertEquals("e", scoped.event());
        assertEquals(3, scoped.type());
        assertNull(message.excludedId(), "the original is unchanged");
        assertEquals("chat", scoped.excluding(null).namespace(), "removing one scope keeps the other");
        assertNull(scoped.excluding(null).excludedId());
    }

    @Test
    void anUnchangedScopeReturnsTheSameMessage() {
        Message message = Message.textEvent("e", 0, "x");
        assertSame(message, message.excluding(null).inNamespace(null));
        Message scoped = message.excluding("a");
        assertSame(scoped, scoped.excluding("a"));
    }
}
