package dev.sockeye.client;

import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clients on the default container opened while the last other one closes: Tyrus stops a client
 * container's executors when its last session closes, and a connection opened in that moment must
 * still connect and send.
 */
class BackToBackClientsTest {

    private static final int ROUNDS = Integer.getInteger("sockeye.test.backToBackRounds", 500);

    @Test
    void aClientOpenedWhileTheLastOneClosesConnectsAndSends() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (EmbeddedServer server = Servers.start(connection ->
                connection.on("echo", String.class, text -> connection.emit("echo", text)))) {
            SockeyeClient previous = Servers.connect(server, ClientOptions.defaults(), c -> c.onError(errors::add));
            for (int round = 0; round < ROUNDS; round++) {
                BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
                SockeyeClient next = SockeyeClient.create(Servers.uri(server), ClientOptions.defaults());
                next.onError(errors::add);
                next.on("echo", String.class, echoes::add);
                SockeyeClient closing = previous;
                CompletableFuture<Void> closed = CompletableFuture.runAsync(closing::close);
                Await.done(next.connect());
                Await.done(next.emit("echo", "round " + round));
                assertEquals("round " + round, Await.next(echoes));
                Await.done(closed);
                previous = next;
            }
            previous.close();
        }
        assertEquals(List.of(), errors, "no client reported a problem");
    }
}
