package dev.sockeye.client;

import dev.sockeye.ConnectionClosedException;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A first connection that cannot be made fails {@code connect()} and closes the client. */
class ConnectFailureTest {

    @Test
    void nothingListeningFailsTheConnectAndTheQueuedEmits() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SockeyeClient client = SockeyeClient.create(URI.create("ws://127.0.0.1:" + port + "/nothing"),
                ClientOptions.builder().reconnect(Reconnect.exponentialBackoff()).build());
        CompletionStage<Void> queued = client.emit("note", "x");
        Await.failure(client.connect());
        assertEquals(ClientState.CLOSED, client.state());
        assertInstanceOf(ConnectionClosedException.class, Await.failure(queued));
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket accepted = silent.accept()) {
                    accepted.getInputStream().readAllBytes(); // reads the request, never answers
                } catch (Exception e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SockeyeClient client = SockeyeClient.create(URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/silent"),
                    ClientOptions.builder().connectTimeout(Duration.ofMillis(300)).build());
            assertInstanceOf(TimeoutException.class, Await.failure(client.connect()));
            assertEquals(ClientState.CLOSED, client.state());
        }
    }

    @Test
    void onlyWebSocketUrisAreAccepted() {
        assertThrows(IllegalArgumentException.class,
                () -> SockeyeClient.create(URI.create("http://127.0.0.1/chat"), ClientOptions.defaults()));
    }
}
