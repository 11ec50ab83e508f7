package dev.sockeye.cluster.redis;

import dev.sockeye.Target;
import dev.sockeye.spi.ClusterEnvelope;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bytes of an envelope: version 1 without scopes, as every release reads it; version 2 only
 * when an excluded connection or a namespace is set; both read back.
 */
class EnvelopeFormatTest {

    private static ClusterEnvelope roundTrip(ClusterEnvelope envelope) {
        return EnvelopeFormat.read(EnvelopeFormat.write(envelope));
    }

    @Test
    void anEnvelopeWithoutScopesIsWrittenInVersionOneAndReadBack() {
        ClusterEnvelope envelope = new ClusterEnvelope("node", Target.allExcept("me"), "chat", ClusterEnvelope.Kind.JSON,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = EnvelopeFormat.write(envelope);
        assertEquals(1, bytes[0], "version 1: nodes of an older release read it");
        ClusterEnvelope read = EnvelopeFormat.read(bytes);
        assertEquals("node", read.origin());
        assertEquals(Target.allExcept("me"), read.target());
        assertEquals("chat", read.event());
        assertEquals(ClusterEnvelope.Kind.JSON, read.kind());
        assertEquals("{\"a\":1}", new String(read.body(), StandardCharsets.UTF_8));
        assertNull(read.excludedId());
        assertNull(read.scope());

        ClusterEnvelope nativeMessage = roundTrip(new ClusterEnvelope("n", Target.room("r"), null, ClusterEnvelope.Kind.NATIVE, new byte[] {1, 2}));
        assertNull(nativeMessage.event());
        assertEquals(ClusterEnvelope.Kind.NATIVE, nativeMessage.kind());
        assertArrayEquals(new byte[] {1, 2}, nativeMessage.body());
    }

    @Test
    void anExcludedConnectionOrANamespaceIsWrittenInVersionTwoAndReadBack() {
        ClusterEnvelope others = new ClusterEnvelope("node", Target.room("chat/r"), "said", ClusterEnvelope.Kind.TEXT,
                "hi".getBytes(StandardCharsets.UTF_8), "sender", null);
        assertEquals(2, EnvelopeFormat.write(others)[0]);
        ClusterEnvelope read = roundTrip(others);
        assertEquals(Target.room("chat/r"), read.target());
        assertEquals("said", read.event());
        assertEquals("hi", new String(read.body(), StandardCharsets.UTF_8));
        assertEquals("sender", read.excludedId());
        assertNull(read.scope());

        ClusterEnvelope direct = new ClusterEnvelope("node", Target.connection("c1"), "said", ClusterEnvelope.Kind.BYTES, new byte[] {0, 59, -1},
                null, "chat");
        assertEquals(2, EnvelopeFormat.write(direct)[0]);
        read = roundTrip(direct);
        assertEquals(Target.connection("c1"), read.target());
        assertArrayEquals(new byte[] {0, 59, -1}, read.body());
        assertNull(read.excludedId());
        assertEquals("chat", read.scope());

        read = roundTrip(new ClusterEnvelope("node", Target.all(), null, ClusterEnvelope.Kind.NATIVE, new byte[0], "x", "ns"));
        assertEquals("x", read.excludedId());
        assertEquals("ns", read.scope());
        assertNull(read.event());
    }

    @Test
    void aNullValueTravelsInVersionThreeWithItsKind() {
        ClusterEnvelope envelope = new ClusterEnvelope("node", Target.room("r"), "e", ClusterEnvelope.Kind.NULL,
                new byte[0], null, "chat");
        assertEquals(3, EnvelopeFormat.write(envelope)[0]);
        ClusterEnvelope read = roundTrip(envelope);
        assertEquals(ClusterEnvelope.Kind.NULL, read.kind());
        assertEquals("e", read.event());
        assertEquals("chat", read.scope());
        assertNull(read.excludedId());
        assertEquals(0, read.body().length);
        byte[] badKind = EnvelopeFormat.write(envelope);
        badKind[1 + 2 + 4 + 1 + 2 + 1 + 1 + 2 + 1] = 6; // the kind byte: NATIVE with an event name
        assertThrows(IllegalArgumentException.class, () -> EnvelopeFormat.read(badKind));
    }

    @Test
    void aVersionOneEnvelopeFromANodeOfAnOlderReleaseIsRead() throws Exception {
        // the bytes the release before version 2 wrote, field by field
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("old-node");
            out.writeByte(1);               // a room
            out.writeUTF("lobby");
            out.writeBoolean(true);         // an event
            out.writeUTF("chat");
            out.writeByte(0);
            out.writeInt(5);
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        ClusterEnvelope read = EnvelopeFormat.read(bytes.toByteArray());
        assertEquals("old-node", read.origin());
        assertEquals(Target.room("lobby"), read.target());
        assertEquals("chat", read.event());
        assertEquals(ClusterEnvelope.Kind.TEXT, read.kind());
        assertEquals("hello", new String(read.body(), StandardCharsets.UTF_8));
        assertNull(read.excludedId());
        assertNull(read.scope());
        assertArrayEquals(bytes.toByteArray(), EnvelopeFormat.write(read), "an unscoped envelope is written as before");
    }

    @Test
    void anUnknownVersionOrATruncatedEnvelopeIsRefused() {
        byte[] scoped = EnvelopeFormat.write(new ClusterEnvelope("node", Target.all(), "e", ClusterEnvelope.Kind.TEXT, new byte[] {65}, "x", null));
        byte[] unknown = scoped.clone();
        unknown[0] = 4;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> EnvelopeFormat.read(unknown));
        assertEquals("unknown envelope version 4", refused.getMessage());
        byte[] truncated = Arrays.copyOf(scoped, scoped.length - 2);
        assertEquals("truncated envelope",
                assertThrows(IllegalArgumentException.class, () -> EnvelopeFormat.read(truncated)).getMessage());
    }
}
