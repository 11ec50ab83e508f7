package dev.sockeye.client;

import dev.sockeye.Config;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Headers and subprotocols of the options reach the server's handshake. */
class HandshakeOptionsTest {

    @Test
    void headersAndTheNegotiatedSubprotocolReachTheServer() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        Config config = Config.builder().subprotocols(List.of("chat.v2", "chat.v1")).build();
        try (EmbeddedServer server = Servers.start(0, config, connection -> {
                seen.add(connection.handshake().header("Authorization").orElse("none"));
                seen.add(connection.handshake().header("Sec-WebSocket-Protocol").orElse("none"));
            });
             SockeyeClient client = Servers.connect(server, ClientOptions.builder()
                     .header("Authorization", "Bearer token-1")
                     .subprotocols(List.of("chat.v1"))
                     .build(), c -> { })) {
            assertEquals("Bearer token-1", Await.next(seen));
            assertEquals("chat.v1", Await.next(seen));
            assertEquals(ClientState.OPEN, client.state());
        }
    }
}
