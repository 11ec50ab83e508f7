package dev.sockeye.impl.codec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sockeye.impl.codec.Frames.PREFIX;
import static dev.sockeye.impl.codec.Frames.assertText;
import static dev.sockeye.impl.codec.Frames.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example frame of wire-protocols.md §1.1, both ways: the frame the original client sends
 * decodes to the right Java value, and the server's encoding of that value is exactly the frame of
 * §1.2 (the same frame where the client and server agree).
 */
class SpecExampleFramesTest {

    /** A record for {@code {"a":[1,"b"]}}. */
    public record Shape(List<Object> a) {
    }

    private final IrisCodec codec = Frames.textCodec();
    private final PayloadDecoder decoder = new PayloadDecoder(Frames.JSONB);

    @Test
    void stringWithSemicolon() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;0;hello;x");
        assertEquals("chat", event.event());
        assertEquals(0, event.type());
        assertEquals("hello;x", decoder.decode(event, String.class));
        assertText(PREFIX + "chat;0;hello;x", codec.encodeEvent("chat", "hello;x"));
    }

    @Test
    void integerIsAnIntAndAlsoAString() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;1;42");
        assertEquals(42, decoder.decode(event, int.class));
        assertEquals(42, decoder.decode(event, Integer.class));
        assertEquals(42L, decoder.decode(event, long.class));
        assertEquals("42", decoder.decode(event, String.class));
        assertEquals(42L, decoder.decode(event, Object.class));
        assertText(PREFIX + "chat;1;42", codec.encodeEvent("chat", 42));
        assertText(PREFIX + "chat;0;42", codec.encodeEvent("chat", "42"));
    }

    @Test
    void fractionalNumberIsADouble() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;1;3.5");
        assertEquals(3.5, decoder.decode(event, double.class));
        assertEquals(3.5f, decoder.decode(event, Float.class));
        assertEquals(3.5, decoder.decode(event, Object.class));
        assertText(PREFIX + "chat;4;3.5", codec.encodeEvent("chat", 3.5));
    }

    @Test
    void trueSentAsNumberIsABoolean() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;1;true");
        assertEquals(true, decoder.decode(event, boolean.class));
        assertEquals(Boolean.TRUE, decoder.decode(event, Object.class));
        assertText(PREFIX + "chat;2;true", codec.encodeEvent("chat", true));
    }

    @Test
    void booleanFalse() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;2;false");
        assertEquals(2, event.type());
        assertEquals(false, decoder.decode(event, Boolean.class));
        assertEquals(Boolean.FALSE, decoder.decode(event, Object.class));
        assertText(PREFIX + "chat;2;false", codec.encodeEvent("chat", false));
    }

    @Test
    void jsonIsAMapAndARecord() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;4;{\"a\":[1,\"b\"]}");
        Map<?, ?> map = assertInstanceOf(Map.class, decoder.decode(event, Map.class));
        List<?> list = assertInstanceOf(List.class, map.get("a"));
        assertEquals(1, ((Number) list.get(0)).intValue());
        assertEquals("b", list.get(1));
        assertInstanceOf(Map.class, decoder.decode(event, Object.class));

        Shape shape = assertInstanceOf(Shape.class, decoder.decode(event, Shape.class));
        assertEquals(1, ((Number) shape.a().get(0)).intValue());
        assertEquals("b", shape.a().get(1));
        assertEquals("{\"a\":[1,\"b\"]}", decoder.decode(event, String.class), "the raw JSON text as the client sent it");

        assertText(PREFIX + "chat;4;{\"a\":[1,\"b\"]}", codec.encodeEvent("chat", new Shape(List.of(1, "b"))));
        assertText(PREFIX + "chat;4;{\"a\":[1,\"b\"]}", codec.encodeEvent("chat", Map.of("a", List.of(1, "b"))));
    }

    @Test
    void emptyPayloadIsAnEmptyStringAndANoArgumentEmit() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;0;");
        assertEquals("chat", event.event());
        assertTrue(event.payload().isEmpty());
        assertEquals("", decoder.decode(event, String.class));
        assertEquals("", decoder.decode(event, Object.class));
        assertText(PREFIX + "chat;0;", codec.encodeEvent("chat", ""));
    }

    @Test
    void nativeMessage() {
        InboundMessage.Native message = assertInstanceOf(InboundMessage.Native.class, codec.decode("raw native"));
        assertArrayEquals(Frames.utf8("raw native"), message.bytes());
        assertText("raw native", codec.encodeNative(Frames.utf8("raw native")));
    }
}
