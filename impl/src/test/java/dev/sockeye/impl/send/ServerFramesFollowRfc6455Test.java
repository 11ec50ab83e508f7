package dev.sockeye.impl.send;

import dev.sockeye.impl.send.OutboundFrame;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pre-framed wire form of data frames, checked against the examples of RFC 6455 §5.7. */
class ServerFramesFollowRfc6455Test {

    @Test
    void anUnmaskedTextFrameIsTheRfcExample() {
        // "A single-frame unmasked text message: 0x81 0x05 0x48 0x65 0x6c 0x6c 0x6f (contains "Hello")"
        byte[] frame = new OutboundFrame.Text("Hello", 5).serverFrame();
        assertArrayEquals(new byte[] {(byte) 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f}, frame);
    }

    @Test
    void a256ByteBinaryFrameHasA16BitLength() {
        // "256 bytes binary message in a single unmasked frame: 0x82 0x7E 0x0100 [256 bytes of binary data]"
        byte[] payload = new byte[256];
        Arrays.fill(payload, (byte) 7);
        byte[] frame = new OutboundFrame.Binary(ByteBuffer.wrap(payload)).serverFrame();
        assertArrayEquals(new byte[] {(byte) 0x82, 0x7E, 0x01, 0x00}, Arrays.copyOf(frame, 4));
        assertArrayEquals(payload, Arrays.copyOfRange(frame, 4, frame.length));
    }

    @Test
    void a64KibBinaryFrameHasA64BitLength() {
        // "64KiB binary message in a single unmasked frame: 0x82 0x7F 0x0000000000010000 [65536 bytes]"
        byte[] payload = new byte[65536];
        payload[65535] = 42;
        byte[] frame = new OutboundFrame.Binary(ByteBuffer.wrap(payload)).serverFrame();
        assertArrayEquals(new byte[] {(byte) 0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0}, Arrays.copyOf(frame, 10));
        assertEquals(10 + 65536, frame.length);
        assertEquals(42, frame[frame.length - 1]);
    }

    @Test
    void lengthsAtTheEncodingBoundariesUseTheShortestForm() {
        assertEquals(125, text(125)[1]);
        assertEquals(2 + 125, text(125).length);
        byte[] at126 = text(126);
        assertArrayEquals(new byte[] {126, 0, 126}, Arrays.copyOfRange(at126, 1, 4));
        byte[] at65535 = text(65535);
        assertArrayEquals(new byte[] {126, (byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(at65535, 1, 4));
        assertEquals(4 + 65535, at65535.length);
        assertEquals(127, text(65536)[1]);
    }

    @Test
    void theTextIsEncodedAsUtf8AndTheLengthCountsBytes() {
        String text = "€ 😀";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new OutboundFrame.Text(text, utf8.length).serverFrame();
        assertEquals(utf8.length, frame[1]);
        assertArrayEquals(utf8, Arrays.copyOfRange(frame, 2, frame.length));
    }

    @Test
    void theWireFormIsBuiltOnceAndShared() {
        OutboundFrame.Text frame = new OutboundFrame.Text("shared", 6);
        assertSame(frame.serverFrame(), frame.serverFrame());
    }

    @Test
    void aBinaryFramesPayloadViewsStayIndependentOfItsWireForm() {
        OutboundFrame.Binary frame = new OutboundFrame.Binary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        frame.serverFrame();
        assertEquals(3, frame.payload().remaining());
        assertEquals(3, frame.size());
    }

    @Test
    void aPingHasNoPreFramedForm() {
        assertThrows(UnsupportedOperationException.class, OutboundFrame.Ping.INSTANCE::serverFrame);
    }

    private static byte[] text(int length) {
        String text = "x".repeat(length);
        return new OutboundFrame.Text(text, length).serverFrame();
    }
}
