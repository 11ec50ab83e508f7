package dev.sockeye.impl.codec;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static dev.sockeye.impl.codec.Frames.PREFIX;
import static dev.sockeye.impl.codec.Frames.event;
import static dev.sockeye.impl.codec.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Splitting client frames into events and native messages, text and binary alike. */
class IrisCodecDecodingTest {

    private final IrisCodec codec = Frames.textCodec();

    @Test
    void eventFrameIsSplitIntoEventTypeAndPayload() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;4;{\"a\":1}");
        assertEquals("chat", event.event());
        assertEquals(4, event.type());
        assertEquals("{\"a\":1}", event.payload().text());
        assertArrayEquals(utf8("{\"a\":1}"), event.payload().bytes());
    }

    @Test
    void payloadMayContainSemicolons() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;0;a;b;;c;");
        assertEquals("chat", event.event());
        assertEquals("a;b;;c;", event.payload().text());
    }

    @Test
    void payloadMayLookLikeAnotherFrame() {
        InboundMessage.Event event = event(codec, PREFIX + "chat;0;" + PREFIX + "x;1;2");
        assertEquals(PREFIX + "x;1;2", event.payload().text());
    }

    @Test
    void everyTypeDigitIsAccepted() {
        for (int type = 0; type <= 4; type++) {
            assertEquals(type, event(codec, PREFIX + "e;" + type + ";p").type());
        }
    }

    @Test
    void nonAsciiEventNamesAndPayloads() {
        InboundMessage.Event event = event(codec, PREFIX + "çhat😀;0;€");
        assertEquals("çhat😀", event.event());
        assertEquals("€", event.payload().text());
        assertArrayEquals(utf8("€"), event.payload().bytes());
    }

    @Test
    void aFrameWithoutThePrefixIsNative() {
        InboundMessage.Native message = assertInstanceOf(InboundMessage.Native.class, codec.decode("héllo;0;x"));
        assertArrayEquals(utf8("héllo;0;x"), message.bytes());
        assertInstanceOf(InboundMessage.Native.class, codec.decode(""));
        assertInstanceOf(InboundMessage.Native.class, codec.decode("iris-websocket-message"));
        assertInstanceOf(InboundMessage.Native.class, codec.decode(" " + PREFIX + "chat;0;x"));
    }

    @Test
    void nativeBytesAreCopiedOut() {
        InboundMessage.Native message = (InboundMessage.Native) codec.decode("abc");
        message.bytes()[0] = 'z';
        assertArrayEquals(utf8("abc"), message.bytes());
        assertNotSame(message.bytes(), message.bytes());
    }

    @Test
    void customPrefix() {
        IrisCodec custom = new IrisCodec("m:", false, Frames.JSONB);
        InboundMessage.Event event = event(custom, "m:chat;0;hi");
        assertEquals("chat", event.event());
        assertEquals("hi", event.payload().text());
        assertInstanceOf(InboundMessage.Native.class, custom.decode(PREFIX + "chat;0;hi"));
    }

    @Test
    void binaryFramesAreParsedLikeTextFrames() {
        InboundMessage.Event event = event(codec, utf8(PREFIX + "çhat;0;a;b"));
        assertEquals("çhat", event.event());
        assertEquals(0, event.type());
        assertEquals("a;b", event.payload().text());
        assertEquals(event, codec.decode(PREFIX + "çhat;0;a;b"));
    }

    @Test
    void binaryFrameIsReadFromPositionToLimitWithoutMovingThePosition() {
        byte[] bytes = utf8("junk" + PREFIX + "e;1;42" + "tail");
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 4, bytes.length - 8);
        InboundMessage.Event event = assertInstanceOf(InboundMessage.Event.class, codec.decode(buffer));
        assertEquals("42", event.payload().text());
        assertEquals(4, buffer.position());
    }

    @Test
    void binaryPayloadBytesAreKeptExactly() {
        byte[] payload = {(byte) 0xff, ';', 0, (byte) 0xc3, (byte) 0x28};
        InboundMessage.Event event = event(codec, Frames.concat(utf8(PREFIX + "raw;3;"), payload));
        assertArrayEquals(payload, event.payload().bytes());
        assertTrue(event.payload().text().contains("\uFFFD"), "text() replaces malformed sequences");
    }

    @Test
    void binaryFrameWithoutThePrefixIsNative() {
        byte[] bytes = {(byte) 0xff, 1, 2};
        InboundMessage.Native message = assertInstanceOf(InboundMessage.Native.class, codec.decode(ByteBuffer.wrap(bytes)));
        assertArrayEquals(bytes, message.bytes());
    }

    @Test
    void emptyPayload() {
        InboundMessage.Event text = event(codec, PREFIX + "e;0;");
        InboundMessage.Event binary = event(codec, utf8(PREFIX + "e;0;"));
        assertTrue(text.payload().isEmpty());
        assertTrue(binary.payload().isEmpty());
        assertEquals("", binary.payload().text());
        assertArrayEquals(new byte[0], text.payload().bytes());
    }
}
