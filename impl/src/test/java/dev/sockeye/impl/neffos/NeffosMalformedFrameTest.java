package dev.sockeye.impl.neffos;

import dev.sockeye.MalformedFrameException;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames that are not neffos messages are refused with a message that says why. */
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
    void aNoOpFlagOtherThanZeroOrOneIsMalformed() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> NeffosWire.parse(";ns;;ev;0;2;body", true));
        assertTrue(e.getMessage().contains("isNoOp"), e.getMessage());
    }

    @Test
    void aBinaryHeaderThatIsNotUtf8IsMalformed() {
        byte[] frame = {';', 'n', (byte) 0xff, ';', ';', 'e', ';', '0', ';', '0', ';', 1};
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> NeffosWire.parse(ByteBuffer.wrap(frame), false));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }
}
