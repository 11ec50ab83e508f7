package dev.sockeye.impl.codec;

import dev.sockeye.impl.send.OutboundFrame;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Shared fixtures for the codec tests. */
final class Frames {

    static final String PREFIX = "iris-websocket-message:";

    /** Thread-safe per JSON-B, so one for all tests. */
    static final Jsonb JSONB = JsonbBuilder.create();

    private Frames() {
    }

    static IrisCodec textCodec() {
        return new IrisCodec(PREFIX, false, JSONB);
    }

    static IrisCodec binaryCodec() {
        return new IrisCodec(PREFIX, true, JSONB);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    static byte[] bytesOf(OutboundFrame.Binary frame) {
        ByteBuffer view = frame.payload();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    /** Asserts a text frame with exactly this text and its UTF-8 size. */
    static void assertText(String expected, OutboundFrame frame) {
        OutboundFrame.Text text = assertInstanceOf(OutboundFrame.Text.class, frame);
        assertEquals(expected, text.text());
        assertEquals(utf8(expected).length, text.size(), "size is the UTF-8 length");
    }

    static InboundMessage.Event event(IrisCodec codec, String frame) {
        return assertInstanceOf(InboundMessage.Event.class, codec.decode(frame));
    }

    static InboundMessage.Event event(IrisCodec codec, byte[] frame) {
        return assertInstanceOf(InboundMessage.Event.class, codec.decode(ByteBuffer.wrap(frame)));
    }
}
