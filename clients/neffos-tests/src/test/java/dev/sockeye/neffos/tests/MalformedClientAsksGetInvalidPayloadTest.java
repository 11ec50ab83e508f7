package dev.sockeye.neffos.tests;

import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.MalformedFrameException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client ask ({@code $} wait) that is not a valid message is answered with the known error
 * {@code invalid payload}, as a text frame, so the client's ask fails instead of waiting forever;
 * the error listeners hear the problem as before. A malformed plain emit gets no answer.
 */
class MalformedClientAsksGetInvalidPayloadTest {

    @RegisterExtension
    static final NeffosTestServer SERVER = new NeffosTestServer(
            Config.builder().allowAllOrigins().binaryMessages(true).build(),
            Events.builder().on("echo", (ns, msg) -> msg.text()).build());

    private static void assertInvalidPayload(RawNeffosSocket client, String expected) throws Exception {
        RawNeffosSocket.Frame reply = client.next();
        assertTrue(reply.isText(), "an error reply is a text frame, in binary mode too");
        assertEquals(expected, reply.text());
        assertInstanceOf(MalformedFrameException.class, SERVER.nextError());
    }

    @Test
    void anAskWithABadFlagIsAnsweredInvalidPayloadOnItsAddress() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send("$7;default;a@%!semicolon@%!room;echo;yes;0;body");
            assertInvalidPayload(client, "$7;default;a@%!semicolon@%!room;echo;1;0;invalid payload");
        }
    }

    @Test
    void anAskWithTooFewFieldsIsAnsweredInvalidPayloadOnItsWait() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send("$8;default;;echo");
            assertInvalidPayload(client, "$8;;;;1;0;invalid payload");
        }
    }

    @Test
    void aBinaryAskWithABadFlagIsAnsweredInvalidPayload() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send("$9;default;;echo;0;2;\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1));
            assertInvalidPayload(client, "$9;default;;echo;1;0;invalid payload");
        }
    }

    @Test
    void aMalformedPlainEmitGetsNoAnswer() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send(";default;;echo;yes;0;body");
            client.send("not a neffos message");
            client.send("$sync;default;;echo;0;0;sync");
            RawNeffosSocket.Frame next = client.next();
            assertEquals("$sync;default;;echo;0;0;sync", next.content(), "the next frame answers the later ask");
            assertInstanceOf(MalformedFrameException.class, SERVER.nextError());
            assertInstanceOf(MalformedFrameException.class, SERVER.nextError());
        }
    }
}
