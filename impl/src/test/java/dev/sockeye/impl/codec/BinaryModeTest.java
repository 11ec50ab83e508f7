package dev.sockeye.impl.codec;

import dev.sockeye.impl.send.OutboundFrame;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static dev.sockeye.impl.codec.Frames.PREFIX;
import static dev.sockeye.impl.codec.Frames.bytesOf;
import static dev.sockeye.impl.codec.Frames.concat;
import static dev.sockeye.impl.codec.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** With binaryMessages every outgoing frame is binary with the bytes the text frame would have (§1.4). */
class BinaryModeTest {

    private final IrisCodec codec = Frames.binaryCodec();
    private final PayloadDecoder decoder = new PayloadDecoder(Frames.JSONB);

    private static byte[] binary(OutboundFrame frame) {
        return bytesOf(assertInstanceOf(OutboundFrame.Binary.class, frame));
    }

    @Test
    void eventsAreBinaryFramesWithExactBytes() {
        assertArrayEquals(utf8(PREFIX + "chat;0;héllo;x"), binary(codec.encodeEvent("chat", "héllo;x")));
        assertArrayEquals(utf8(PREFIX + "n;1;42"), binary(codec.encodeEvent("n", 42)));
        assertArrayEquals(utf8(PREFIX + "b;2;true"), binary(codec.encodeEvent("b", true)));
        assertArrayEquals(utf8(PREFIX + "j;4;[1,\"b\"]"), binary(codec.encodeEvent("j", List.of(1, "b"))));
        assertArrayEquals(utf8(PREFIX + "j;4;null"), binary(codec.encodeEvent("j", null)));
        assertArrayEquals(utf8(PREFIX + "r;3;abc"), binary(codec.encodeEvent("r", utf8("abc"))));
    }

    @Test
    void sizeIsTheByteCount() {
        OutboundFrame frame = codec.encodeEvent("chat", "€");
        assertEquals(utf8(PREFIX + "chat;0;€").length, frame.size());
    }

    @Test
    void nativeMessagesAreBinaryToo() {
        assertArrayEquals(utf8("raw native"), binary(codec.encodeNative(utf8("raw native"))));
    }

    @Test
    void nonUtf8BytesRoundTripExactly() {
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        byte[] frame = binary(codec.encodeEvent("raw", payload));
        assertArrayEquals(concat(utf8(PREFIX + "raw;3;"), payload), frame);

        InboundMessage.Event event = assertInstanceOf(InboundMessage.Event.class, codec.decode(ByteBuffer.wrap(frame)));
        assertEquals("raw", event.event());
        assertEquals(3, event.type());
        assertArrayEquals(payload, (byte[]) decoder.decode(event, byte[].class));
        assertArrayEquals(payload, (byte[]) decoder.decode(event, Object.class));
        assertEquals(ByteBuffer.wrap(payload), decoder.decode(event, ByteBuffer.class));
    }

    @Test
    void encodedEventsDecodeBackToTheirValues() {
        assertEquals(42, decoder.decode(event(codec.encodeEvent("n", 42)), int.class));
        assertEquals("a;b", decoder.decode(event(codec.encodeEvent("s", "a;b")), String.class));
        assertEquals(false, decoder.decode(event(codec.encodeEvent("b", false)), boolean.class));
        assertEquals(3.5, decoder.decode(event(codec.encodeEvent("d", 3.5)), double.class));
    }

    private InboundMessage.Event event(OutboundFrame frame) {
        return assertInstanceOf(InboundMessage.Event.class, codec.decode(ByteBuffer.wrap(binary(frame))));
    }
}
