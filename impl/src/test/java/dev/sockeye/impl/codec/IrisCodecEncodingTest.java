package dev.sockeye.impl.codec;

import dev.sockeye.impl.send.OutboundFrame;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.sockeye.impl.codec.Frames.PREFIX;
import static dev.sockeye.impl.codec.Frames.assertText;
import static dev.sockeye.impl.codec.Frames.bytesOf;
import static dev.sockeye.impl.codec.Frames.concat;
import static dev.sockeye.impl.codec.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-to-client encoding in text mode, per wire-protocols.md §1.2. */
class IrisCodecEncodingTest {

    /** A record payload. */
    public record ChatMessage(String from, String text) {
    }

    private final IrisCodec codec = Frames.textCodec();

    @Test
    void textIsType0() {
        assertText(PREFIX + "chat;0;hello", codec.encodeEvent("chat", "hello"));
        assertText(PREFIX + "chat;0;sb", codec.encodeEvent("chat", new StringBuilder("sb")));
    }

    @Test
    void integralNumbersAreType1Decimal() {
        assertText(PREFIX + "n;1;42", codec.encodeEvent("n", 42));
        assertText(PREFIX + "n;1;42", codec.encodeEvent("n", 42L));
        assertText(PREFIX + "n;1;-7", codec.encodeEvent("n", (short) -7));
        assertText(PREFIX + "n;1;127", codec.encodeEvent("n", (byte) 127));
        assertText(PREFIX + "n;1;9223372036854775808",
                codec.encodeEvent("n", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)));
        assertText(PREFIX + "n;1;5", codec.encodeEvent("n", new AtomicLong(5)));
    }

    @Test
    void booleansAreType2() {
        assertText(PREFIX + "b;2;true", codec.encodeEvent("b", true));
        assertText(PREFIX + "b;2;false", codec.encodeEvent("b", Boolean.FALSE));
    }

    @Test
    void utf8BytesAreType3InATextFrame() {
        assertText(PREFIX + "raw;3;héllo", codec.encodeEvent("raw", utf8("héllo")));
    }

    @Test
    void byteBufferIsType3AndItsPositionIsNotMoved() {
        ByteBuffer buffer = ByteBuffer.wrap(utf8("xxabc"));
        buffer.position(2);
        assertText(PREFIX + "raw;3;abc", codec.encodeEvent("raw", buffer));
        assertEquals(2, buffer.position());
        assertEquals(3, buffer.remaining());
    }

    @Test
    void bytesThatAreNotUtf8BecomeABinaryFrameEvenInTextMode() {
        byte[] payload = {(byte) 0xff, 0, (byte) 0xc3};
        OutboundFrame.Binary frame = assertInstanceOf(OutboundFrame.Binary.class, codec.encodeEvent("raw", payload));
        assertArrayEquals(concat(utf8(PREFIX + "raw;3;"), payload), bytesOf(frame));
        assertEquals(PREFIX.length() + 6 + 3, frame.size());
    }

    @Test
    void recordsCollectionsNullAndFloatingPointAreType4Json() {
        assertText(PREFIX + "m;4;{\"from\":\"ann\",\"text\":\"hi; there\"}",
                codec.encodeEvent("m", new ChatMessage("ann", "hi; there")));
        assertText(PREFIX + "m;4;[1,2]", codec.encodeEvent("m", List.of(1, 2)));
        assertText(PREFIX + "m;4;null", codec.encodeEvent("m", null));
        assertText(PREFIX + "m;4;3.5", codec.encodeEvent("m", 3.5));
        assertText(PREFIX + "m;4;3.5", codec.encodeEvent("m", 3.5f));
        assertText(PREFIX + "m;4;3.25", codec.encodeEvent("m", new BigDecimal("3.25")));
    }

    @Test
    void sizeIsTheUtf8LengthOfTheText() {
        OutboundFrame.Text frame = assertInstanceOf(OutboundFrame.Text.class, codec.encodeEvent("ñ", "€ 😀"));
        assertEquals(utf8(PREFIX + "ñ;0;€ 😀").length, frame.size());
    }

    @Test
    void customPrefix() {
        IrisCodec custom = new IrisCodec("m:", false, Frames.JSONB);
        assertText("m:chat;0;hi", custom.encodeEvent("chat", "hi"));
    }

    @Test
    void invalidEventNamesAreRejected() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> codec.encodeEvent(null, "x"));
        assertTrue(none.getMessage().contains("null"), none.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> codec.encodeEvent("", "x"));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException semicolon = assertThrows(IllegalArgumentException.class, () -> codec.encodeEvent("a;b", "x"));
        assertTrue(semicolon.getMessage().contains("';'") && semicolon.getMessage().contains("a;b"), semicolon.getMessage());
    }

    @Test
    void invalidPrefixesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new IrisCodec("", false, Frames.JSONB));
        assertThrows(IllegalArgumentException.class, () -> new IrisCodec("a;b:", false, Frames.JSONB));
        assertThrows(NullPointerException.class, () -> new IrisCodec(null, false, Frames.JSONB));
        assertThrows(NullPointerException.class, () -> new IrisCodec("m:", false, null));
    }

    @Test
    void nativeUtf8IsATextFrameWithTheSameBytes() {
        assertText("héllo", codec.encodeNative(utf8("héllo")));
    }

    @Test
    void nativeNonUtf8IsABinaryFrameWithTheSameBytes() {
        byte[] message = {1, (byte) 0x80, 2};
        OutboundFrame.Binary frame = assertInstanceOf(OutboundFrame.Binary.class, codec.encodeNative(message));
        assertArrayEquals(new byte[] {1, (byte) 0x80, 2}, bytesOf(frame));
    }

    @Test
    void nativeMessageIsCopied() {
        byte[] message = {1, (byte) 0x80, 2};
        OutboundFrame.Binary frame = (OutboundFrame.Binary) codec.encodeNative(message);
        message[0] = 9;
        assertArrayEquals(new byte[] {1, (byte) 0x80, 2}, bytesOf(frame));
    }

    @Test
    void aBinaryFrameGivesEveryRecipientItsOwnView() {
        OutboundFrame.Binary frame = (OutboundFrame.Binary) codec.encodeEvent("raw", new byte[] {(byte) 0xff});
        frame.payload().get();
        assertEquals(frame.size(), frame.payload().remaining());
    }
}
