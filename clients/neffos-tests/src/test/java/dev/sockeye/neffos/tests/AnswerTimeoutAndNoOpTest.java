package dev.sockeye.neffos.tests;

import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.SockeyeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client's ask waits for a handler's stage at most {@code answerTimeout}, then gets an error and
 * the stage's late value is dropped; the {@code isNoOp} flag of a custom event is ignored, as Go
 * neffos ignores it (it only silences system asks).
 */
class AnswerTimeoutAndNoOpTest {

    private static final AtomicReference<CompletableFuture<String>> LATE = new AtomicReference<>();

    @RegisterExtension
    static final NeffosTestServer SERVER = new NeffosTestServer(Config.builder().allowAllOrigins().build(),
            Events.builder()
                    .on("echo", (ns, msg) -> msg.text())
                    .on("late", (ns, msg) -> {
                        CompletableFuture<String> answer = new CompletableFuture<>();
                        LATE.set(answer);
                        return answer;
                    })
                    .on("soon", (ns, msg) -> CompletableFuture.supplyAsync(() -> "done: " + msg.text()))
                    .build(),
            Duration.ofMillis(300));

    @Test
    void aStageThatDoesNotCompleteInTimeAnswersAnErrorAndItsLateValueIsDropped() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            long start = System.nanoTime();
            client.send("$1;default;room;late;0;0;x");
            assertEquals("$1;default;room;late;1;0;no answer within 300 ms", client.nextContent());
            assertTrue(System.nanoTime() - start >= 250_000_000L, "not before the timeout");
            SockeyeException reported = assertInstanceOf(SockeyeException.class, SERVER.nextError());
            assertTrue(reported.getMessage().contains("'late'"), reported.getMessage());
            LATE.get().complete("too late");
            client.send("$2;default;;echo;0;0;sync");
            assertEquals("$2;default;;echo;0;0;sync", client.nextContent(), "the late value was not sent");
        }
    }

    /** @return the first frame a new client connected to {@code default} receives after sending {@code frame} */
    private static String answerTo(String frame) throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send(frame);
            return client.nextContent();
        }
    }

    @Test
    void aStageThatCompletesInTimeAnswers() throws Exception {
        assertEquals("$3;default;;soon;0;0;done: x", answerTo("$3;default;;soon;0;0;x"));
    }

    @Test
    void theNoOpFlagOfACustomEventIsIgnored() throws Exception {
        assertEquals("$4;default;;echo;0;0;handled all the same", answerTo("$4;default;;echo;0;1;handled all the same"));
    }

    @Test
    void aNoOpSystemAskIsNotActedOnAsGoNeffosDoes() throws Exception {
        try (RawNeffosSocket client = SERVER.client()) {
            client.connect("default");
            client.send("$5;default;lobby;_OnRoomJoin;0;1;");
            client.send("$6;default;;echo;0;0;sync");
            assertEquals("$6;default;;echo;0;0;sync", client.nextContent(), "no reply to the no-op join");
            client.send("$7;default;;_OnRoomJoin;0;0;");
            assertEquals("$7;;;;;;", client.nextContent());
        }
    }
}
