package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.route.Message;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Outgoing neffos frames, and one message framed once per protocol and address. */
class AddressCodecTest {

    private final Jsonb jsonb = JsonbBuilder.create();

    private static String text(OutboundFrame frame) {
        return assertInstanceOf(OutboundFrame.Text.class, frame).text();
    }

    private static byte[] bytes(OutboundFrame frame) {
        ByteBuffer payload = assertInstanceOf(OutboundFrame.Binary.class, frame).payload();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return bytes;
    }

    @Test
    void anEventCarriesItsNamespaceAndRoom() {
        AddressCodec codec = new AddressCodec("default", "news", false);
        assertEquals(";default;news;chat;0;0;hello;world", text(codec.encode(Message.of("chat", "hello;world", jsonb))));
        assertEquals(";default;news;n;0;0;42", text(codec.encode(Message.of("n", 42, jsonb))));
        assertEquals(";default;news;j;0;0;{\"a\":[1,2]}", text(codec.encode(Message.of("j", Map.of("a", List.of(1, 2)), jsonb))));
        assertEquals(";default;news;empty;0;0;", text(codec.encode(Message.of("empty", null, jsonb))));
    }

    @Test
    void namesWithSemicolonsAreEscaped() {
        AddressCodec codec = new AddressCodec("a;b", "r;1", false);
        assertEquals(";a@%!semicolon@%!b;r@%!semicolon@%!1;e@%!semicolon@%!v;0;0;x", text(codec.encode(Message.of("e;v", "x", jsonb))));
    }

    @Test
    void bytesGoAsABinaryFrameWithATextHeader() {
        byte[] body = {0, 1, (byte) 0xff};
        byte[] frame = bytes(new AddressCodec("ns", "", false).encode(Message.of("bin", body, jsonb)));
        byte[] header = ";ns;;bin;0;0;".getBytes(StandardCharsets.UTF_8);
        assertEquals(header.length + body.length, frame.length);
        assertArrayEquals(header, java.util.Arrays.copyOf(frame, header.length));
        assertArrayEquals(body, java.util.Arrays.copyOfRange(frame, header.length, frame.length));
    }

    @Test
    void binaryModeSendsEveryEventAsBinary() {
        byte[] frame = bytes(new AddressCodec("ns", "", true).encode(Message.of("e", "text", jsonb)));
        assertEquals(";ns;;e;0;0;text", new String(frame, StandardCharsets.UTF_8));
    }

    @Test
    void aNativeMessageGoesAsTheNativeEventOfNamespaceEmpty() {
        AddressCodec codec = new AddressCodec("default", "news", false);
        assertEquals(";;;_OnNativeMessage;0;0;raw;text", text(codec.encode(Message.nativeMessage("raw;text".getBytes(StandardCharsets.UTF_8)))));
        byte[] notUtf8 = {(byte) 0xff, 0};
        byte[] frame = bytes(codec.encode(Message.nativeMessage(notUtf8)));
        assertEquals(";;;_OnNativeMessage;0;0;".length() + 2, frame.length);
    }

    @Test
    void aMessageIsFramedOncePerProtocolAndShared() {
        Message message = Message.of("chat", "hi", jsonb);
        AddressCodec neffos = new AddressCodec("default", "news", false);
        IrisCodec iris = new IrisCodec("iris-websocket-message:", false, JsonbBuilder.create());
        OutboundFrame neffosFrame = message.frame(neffos);
        OutboundFrame irisFrame = message.frame(iris);
        assertSame(neffosFrame, message.frame(neffos));
        assertSame(irisFrame, message.frame(iris));
        assertEquals(";default;news;chat;0;0;hi", text(neffosFrame));
        assertEquals("iris-websocket-message:chat;0;hi", text(irisFrame));
    }
}
