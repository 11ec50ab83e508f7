package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.MalformedFrameException;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames that are not neffos messages are refused with a message that says why; one that carries a
 * client's wait gets the reply {@code invalid payload} on what of its address can be read.
 */
class NeffosMalformedFrameTest {

    @Test
    void fewerThanSevenFieldsIsMalformedWithoutANativeHandler() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> NeffosWire.parse("$1;ns;room;event;0;0", false));
        assertTrue(e.getMessage().contains("7 fields") && e.getMessage().contains("has 6"), e.getMessage());
        assertThrows(MalformedFrameException.class, () -> NeffosWire.parse("", false));
        assertThrows(MalformedFrameException.class, () -> NeffosWire.parse("M", false));
        assertThrows(MalformedFrameException.class, () -> NeffosWire.parse(ByteBuffer.wrap(";;;".getBytes()), false));
    }

    @Test
    void anErrorFlagOtherThanZeroOrOneIsMalformed() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> NeffosWire.parse(";ns;;ev;yes;0;body", false));
        assertTrue(e.getMessage().contains("isError") && e.getMessage().contains("'yes'"), e.getMessage());
    }

    @Test
    void aNoOpFlagOtherThanZeroOrOneIsMalformedWithoutANativeHandler() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> NeffosWire.parse(";ns;;ev;0;2;body", false));
        assertTrue(e.getMessage().contains("isNoOp"), e.getMessage());
    }

    @Test
    void aBinaryHeaderThatIsNotUtf8IsMalformed() {
        byte[] frame = {';', 'n', (byte) 0xff, ';', ';', 'e', ';', '0', ';', '0', ';', 1};
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> NeffosWire.parse(ByteBuffer.wrap(frame), false));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void aMalformedAskIsAnsweredInvalidPayloadOnItsAddressOrItsWait() {
        assertEquals("$1;ns;r@%!semicolon@%!1;ev;1;0;invalid payload",
                NeffosWire.invalidPayloadReply("$1;ns;r@%!semicolon@%!1;ev;x;0;body;with;more"));
        assertEquals("$2;;;;1;0;invalid payload", NeffosWire.invalidPayloadReply("$2;ns;room"));
        assertEquals("$3;ns;;ev;1;0;invalid payload",
                NeffosWire.invalidPayloadReply(ByteBuffer.wrap(new byte[] {'$', '3', ';', 'n', 's', ';', ';', 'e', 'v',
                        ';', '0', ';', '7', ';', (byte) 0xff})));
        assertEquals("$4;;;;1;0;invalid payload", NeffosWire.invalidPayloadReply(ByteBuffer.wrap("$4;;".getBytes())));
    }

    @Test
    void aMalformedFrameWithoutAClientWaitIsNotAnswered() {
        assertNull(NeffosWire.invalidPayloadReply(";ns;;ev;x;0;body"), "a plain emit waits for nothing");
        assertNull(NeffosWire.invalidPayloadReply("17;ns;;ev;x;0;body"), "a server wait is not the client's ask");
        assertNull(NeffosWire.invalidPayloadReply("$no separator at all"));
        assertNull(NeffosWire.invalidPayloadReply(ByteBuffer.wrap(new byte[] {1, 2, 3})));
    }
}
