package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.OutboundFrame;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every protocol counts a text frame's bytes with one UTF-8 rule, the JDK encoder's (a lone
 * surrogate is one byte, {@code '?'}), so that the outbound queue's byte limit means the same for
 * every connection. Before, the neffos codec counted a lone surrogate as three bytes while the Iris
 * codec counted one.
 */
class FrameSizesAreTheirUtf8BytesTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "é and ü", "€ 漢字", "\uD83D\uDE00 emoji", "lone \uD800 high", "lone \uDC00 low",
            "ends high \uD83D"})
    void theSizeOfAFrameIsTheNumberOfBytesItsTextEncodesTo(String body) {
        Message message = Message.of("e", body, JsonbBuilder.create());
        assertSize(message.frame(new AddressCodec("ns", "room", false)));
        assertSize(message.frame(new IrisCodec("iris-websocket-message:", false, JsonbBuilder.create())));
        assertSize(AddressCodec.text(body));
    }

    private static void assertSize(OutboundFrame frame) {
        OutboundFrame.Text text = (OutboundFrame.Text) frame;
        assertEquals(text.text().getBytes(StandardCharsets.UTF_8).length, text.size(), text.text());
    }
}
