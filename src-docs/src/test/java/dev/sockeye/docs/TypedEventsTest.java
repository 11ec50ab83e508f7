package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed listeners of the guide answer as the guide says, over a real connection. */
class TypedEventsTest {

    private static final String PREFIX = Config.DEFAULT_MESSAGE_PREFIX;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        SockeyeEndpoint endpoint = Sockeye.endpoint("/typed", Config.defaults(), TypedEvents::register);
        server = EmbeddedServer.builder().port(0).endpoint(endpoint).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachPayloadTypeIsDecodedAndEncodedAsTheGuideSays() throws Exception {
        try (TyrusTestClient client = TyrusTestClient.connect(server.uri("/typed"))) {
            assertEquals(PREFIX + "text;0;HI;THERE", exchange(client, PREFIX + "text;0;hi;there"));
            assertEquals(PREFIX + "count;1;42", exchange(client, PREFIX + "count;1;41"));
            assertEquals(PREFIX + "flag;2;false", exchange(client, PREFIX + "flag;1;true"));
            assertEquals(PREFIX + "moved;4;{\"piece\":\"knight\",\"x\":2,\"y\":3}",
                    exchange(client, PREFIX + "move;4;{\"piece\":\"knight\",\"x\":2,\"y\":3}"));
            assertEquals(PREFIX + "count;1;2", exchange(client,
                    PREFIX + "moves;4;[{\"piece\":\"rook\",\"x\":0,\"y\":0},{\"piece\":\"pawn\",\"x\":1,\"y\":1}]"));
            assertEquals(PREFIX + "pong;0;", exchange(client, PREFIX + "ping;0;"));
            assertEquals("plain text", exchange(client, "plain text"));
        }
    }

    @Test
    void undecodablePayloadReachesTheErrorListenerAndTheConnectionStaysOpen() throws Exception {
        try (TyrusTestClient client = TyrusTestClient.connect(server.uri("/typed"))) {
            String problem = exchange(client, PREFIX + "count;1;forty-two");
            assertTrue(problem.startsWith(PREFIX + "problem;0;"), problem);
            assertTrue(problem.contains("count"), "the error names the event: " + problem);

            assertEquals(PREFIX + "count;1;2", exchange(client, PREFIX + "count;1;1"));
        }
    }

    private static String exchange(TyrusTestClient client, String frame) throws Exception {
        client.send(frame);
        return client.next();
    }
}
