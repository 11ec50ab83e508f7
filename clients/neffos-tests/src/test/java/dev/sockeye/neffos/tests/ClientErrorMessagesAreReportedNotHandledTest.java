package dev.sockeye.neffos.tests;

import dev.sockeye.Config;
import dev.sockeye.neffos.ErrorReplyException;
import dev.sockeye.neffos.Events;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A message the client flags as an error ({@code isError = 1}) that answers no ask of the server is
 * not an event: its handler is not called, nothing is sent back, and the connection's error
 * listeners hear an {@link ErrorReplyException} with the client's text and address. (Handled as an
 * event, a handler's value went back to the client, whose handler returned its error again: a loop.)
 */
class ClientErrorMessagesAreReportedNotHandledTest {

    private static final AtomicInteger ECHOES = new AtomicInteger();

    @RegisterExtension
    static final NeffosTestServer SERVER = new NeffosTestServer(Config.builder().allowAllOrigins().build(),
            Events.builder()
                    .on("echo", (ns, msg) -> {
                        ECHOES.incrementAndGet();
                        return msg.text();
                    })
                    .build());

    @BeforeEach
    void reset() {
        ECHOES.set(0);
    }

    @Test
    void anErrorOnAPlainEmitReachesTheErrorListenersAndIsNeitherHandledNorAnswered() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send(";default;lobby;echo;1;0;client handler failed");
            client.send("$sync;default;;echo;0;0;sync");
            assertEquals("$sync;default;;echo;0;0;sync", client.nextContent(),
                    "the next frame answers the later ask: the error got no answer");
            assertEquals(1, ECHOES.get(), "the handler ran for the ask only");
            Throwable problem = SERVER.nextError();
            ErrorReplyException error = assertInstanceOf(ErrorReplyException.class, problem);
            assertEquals("client handler failed", error.getMessage());
            assertEquals(Optional.of("default"), error.namespace());
            assertEquals(Optional.of("lobby"), error.room());
            assertEquals(Optional.of("echo"), error.event());
        }
    }

    @Test
    void anErrorFlaggedAskGetsAnEmptyReplyAndNoHandler() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send("$odd;default;;echo;1;0;why would a client ask with an error");
            assertEquals("$odd;;;;;;", client.nextContent(), "no client waits forever");
            assertEquals(0, ECHOES.get());
            assertEquals("why would a client ask with an error",
                    assertInstanceOf(ErrorReplyException.class, SERVER.nextError()).getMessage());
        }
    }

    @Test
    void anErrorOnABinaryFrameIsReportedWithItsText() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send(";default;;echo;1;0;binary trouble".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            client.send("$sync;default;;echo;0;0;sync");
            assertEquals("$sync;default;;echo;0;0;sync", client.nextContent());
            assertEquals("binary trouble",
                    assertInstanceOf(ErrorReplyException.class, SERVER.nextError()).getMessage());
            assertEquals(1, ECHOES.get());
        }
    }
}
