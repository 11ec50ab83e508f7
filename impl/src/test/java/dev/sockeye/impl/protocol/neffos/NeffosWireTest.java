package dev.sockeye.impl.protocol.neffos;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The neffos message format, as neffos.js 0.1.34 writes and reads it (wire protocols §2.2). */
class NeffosWireTest {

    @Test
    void semicolonsInNamespaceRoomAndEventAreEscaped() {
        assertEquals("$7;a@%!semicolon@%!b;r@%!semicolon@%!;e@%!semicolon@%!v;0;0;",
                NeffosWire.header("$7", "a;b", "r;", "e;v", false, false));
    }

    @Test
    void escapedFieldsAreUnescapedAndTheBodyKeepsItsSemicolons() {
        NeffosFrame.Event event = (NeffosFrame.Event) NeffosWire.parse(
                "$1;a@%!semicolon@%!b;r@%!semicolon@%!1;chat@%!semicolon@%!x;0;0;body;with;semicolons", false);
        assertEquals("$1", event.token());
        assertEquals("a;b", event.namespace());
        assertEquals("r;1", event.room());
        assertEquals("chat;x", event.event());
        assertEquals("body;with;semicolons", event.body().text());
        assertTrue(event.isClientAsk());
        assertFalse(event.error());
        assertFalse(event.noOp());
        assertFalse(event.binary());
    }

    @Test
    void theBodyIsNotUnescaped() {
        NeffosFrame.Event event = (NeffosFrame.Event) NeffosWire.parse(";ns;;ev;0;0;a@%!semicolon@%!b", false);
        assertEquals("a@%!semicolon@%!b", event.body().text());
    }

    @Test
    void escapeAndUnescapeAreInverse() {
        for (String field : new String[] {"", ";", ";;", "a;b;c", "no separator", "@%!semicolon@%!"}) {
            if (!field.contains("@%!semicolon@%!")) {
                assertEquals(field, NeffosWire.unescape(NeffosWire.escape(field)), field);
            }
        }
    }

    @Test
    void theEmptyReplyIsTheWaitAndSixSeparators() {
        assertEquals("$123;;;;;;", NeffosWire.emptyReply("$123"));
        NeffosFrame.Event reply = (NeffosFrame.Event) NeffosWire.parse("$123;;;;;;", false);
        assertEquals("$123", reply.token());
        assertEquals("", reply.event());
        assertTrue(reply.body().isEmpty());
        assertFalse(reply.error(), "empty flags mean false");
    }

    @Test
    void errorAndNoOpFlagsAreRead() {
        NeffosFrame.Event event = (NeffosFrame.Event) NeffosWire.parse("42;ns;room;ev;1;1;bad namespace", false);
        assertTrue(event.error());
        assertTrue(event.noOp());
        assertFalse(event.isClientAsk(), "a wait without $ answers a server ask");
        assertEquals("bad namespace", event.body().text());
    }

    @Test
    void aBinaryFrameHasATextHeaderAndRawBody() {
        byte[] header = ";ns;room;bin;0;0;".getBytes(StandardCharsets.UTF_8);
        byte[] body = {0, ';', (byte) 0xff, (byte) 0xc3, 10};
        ByteBuffer frame = ByteBuffer.allocate(header.length + body.length).put(header).put(body).flip();
        NeffosFrame.Event event = (NeffosFrame.Event) NeffosWire.parse(frame, false);
        assertEquals("ns", event.namespace());
        assertEquals("room", event.room());
        assertEquals("bin", event.event());
        assertTrue(event.binary());
        assertArrayEquals(body, event.body().bytes());
        assertEquals(0, frame.position(), "the buffer's position is not moved");
    }

    @Test
    void withNativeMessagesAFrameWithoutSevenFieldsIsNative() {
        NeffosFrame frame = NeffosWire.parse("just;some;text", true);
        NeffosFrame.Native nativeFrame = assertInstanceOf(NeffosFrame.Native.class, frame);
        assertEquals("just;some;text", nativeFrame.body().text());
        NeffosFrame binary = NeffosWire.parse(ByteBuffer.wrap(new byte[] {1, 2, 3}), true);
        assertArrayEquals(new byte[] {1, 2, 3}, assertInstanceOf(NeffosFrame.Native.class, binary).body().bytes());
    }

    @Test
    void withNativeMessagesSevenFieldsWithFlagsOtherThanZeroOrOneAreNative() {
        String csv = "id;name;city;zip;country;phone;email";
        NeffosFrame.Native text = assertInstanceOf(NeffosFrame.Native.class, NeffosWire.parse(csv, true));
        assertEquals(csv, text.body().text(), "the whole text, as Go neffos would never call it malformed");
        byte[] bytes = "a;b;c;d;e;f;g".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertArrayEquals(bytes, assertInstanceOf(NeffosFrame.Native.class,
                NeffosWire.parse(ByteBuffer.wrap(bytes), true)).body().bytes());
        byte[] notUtf8 = {';', (byte) 0xff, ';', ';', 'e', ';', '0', ';', '0', ';', 7};
        assertArrayEquals(notUtf8, assertInstanceOf(NeffosFrame.Native.class,
                NeffosWire.parse(ByteBuffer.wrap(notUtf8), true)).body().bytes(), "a header that is not UTF-8 too");
    }

    @Test
    void withNativeMessagesValidFlagsStillMakeAMessage() {
        assertInstanceOf(NeffosFrame.Event.class, NeffosWire.parse(";ns;;ev;0;1;a;b", true));
        assertInstanceOf(NeffosFrame.Event.class, NeffosWire.parse("$1;;;;;;", true), "an empty reply's empty flags");
    }
}
