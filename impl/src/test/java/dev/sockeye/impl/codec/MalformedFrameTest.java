package dev.sockeye.impl.codec;

import dev.sockeye.MalformedFrameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;

import static dev.sockeye.impl.codec.Frames.PREFIX;
import static dev.sockeye.impl.codec.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A frame that starts with the prefix but is not {@code <event>;<digit>;<payload>} is rejected
 * with a message that says what is wrong, whether it came as text or binary.
 */
class MalformedFrameTest {

    private final IrisCodec codec = Frames.textCodec();

    /** Decodes the frame as text and as binary; both must fail with the same message. */
    private String failure(String afterPrefix) {
        MalformedFrameException text = assertThrows(MalformedFrameException.class,
                () -> codec.decode(PREFIX + afterPrefix));
        MalformedFrameException binary = assertThrows(MalformedFrameException.class,
                () -> codec.decode(ByteBuffer.wrap(utf8(PREFIX + afterPrefix))));
        assertEquals(text.getMessage(), binary.getMessage());
        return text.getMessage();
    }

    private static void assertContains(String expected, String message) {
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
    }

    @Test
    void prefixOnly() {
        assertContains("only the prefix '" + PREFIX + "'", failure(""));
    }

    @Test
    void noSemicolonAfterTheEvent() {
        assertContains("no ';' after the event name in event frame 'chat'", failure("chat"));
    }

    @Test
    void emptyEventName() {
        assertContains("empty event name in event frame ';0;hello'", failure(";0;hello"));
    }

    @Test
    void missingSecondSemicolon() {
        assertContains("no ';' after the type digit in event frame 'chat'", failure("chat;1"));
        assertContains("no ';' after the type digit in event frame 'chat'", failure("chat;"));
    }

    @Test
    void missingTypeDigit() {
        assertContains("missing type digit in event frame 'chat'", failure("chat;;hello"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5|chat;5;x", "7|chat;7;x", "9|chat;9;", "a|chat;a;x", "12|chat;12;x",
            "01|chat;01;x", "' 1'|chat; 1;x", "-1|chat;-1;x"})
    void badTypeDigit(String digit, String afterPrefix) {
        assertContains("bad type digit '" + digit + "' in event frame 'chat'", failure(afterPrefix));
    }

    @Test
    void messagesShowAtMost64CharsOfClientData() {
        String longEvent = "e".repeat(500);
        String message = failure(longEvent);
        assertContains("'" + "e".repeat(61) + "...'", message);
        assertTrue(message.length() < 250, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "chat;x;y"})
    void customPrefixFramesAreCheckedToo(String afterPrefix) {
        IrisCodec custom = new IrisCodec("m:", false, Frames.JSONB);
        assertThrows(MalformedFrameException.class, () -> custom.decode("m:" + afterPrefix));
    }

    @Test
    void binaryEventNameMustBeUtf8() {
        byte[] frame = Frames.concat(utf8(PREFIX), new byte[] {(byte) 0xff, ';', '0', ';'});
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> codec.decode(ByteBuffer.wrap(frame)));
        assertContains("not valid UTF-8", e.getMessage());
    }
}
