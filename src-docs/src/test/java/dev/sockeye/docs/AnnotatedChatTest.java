package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.Sockeye;
import dev.sockeye.embedded.EmbeddedServer;

import jakarta.websocket.DeploymentException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The annotated endpoints of the guide behave as the guide says, over real connections. */
class AnnotatedChatTest {

    private static final String PREFIX = Config.DEFAULT_MESSAGE_PREFIX;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = AnnotatedChatServer.start(0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRoomComesFromThePathAndReturnedValuesGoBackToTheSender() throws Exception {
        try (TyrusTestClient a = TyrusTestClient.connect(server.uri("/chat/lobby"));
             TyrusTestClient b = TyrusTestClient.connect(server.uri("/chat/lobby"))) {
            a.send(PREFIX + "chat;0;hello");
            assertTrue(a.next().endsWith(": hello"));
            assertTrue(b.next().endsWith(": hello"));

            a.send(PREFIX + "move;4;{\"piece\":\"knight\",\"x\":1,\"y\":2}");
            assertEquals(PREFIX + "move;4;{\"piece\":\"knight\",\"x\":2,\"y\":2}", a.next());

            a.send(PREFIX + "move;4;not json");
            assertTrue(a.next().startsWith(PREFIX + "problem;0;cannot decode the payload of event 'move'"));
        }
    }

    @Test
    void theConfigSupplierIsUsed() throws Exception {
        assertEquals(64 * 1024, Sockeye.endpoint(BigMessages.UploadEndpoint.class).config().maxMessageSize());
    }

    @Test
    void aBadMethodFailsTheEndpointWithTheDocumentedMessage() {
        DeploymentException failure = assertThrows(DeploymentException.class, () -> Sockeye.endpoint(BadEndpoint.class));
        assertEquals("cannot deploy the Sockeye endpoint " + BadEndpoint.class.getName() + ": 1 problem\n"
                + "  1. BadEndpoint.chat(String, Move): parameter 2 (Move move) is a second value parameter after one of type"
                + " String; @OnEvent accepts Connection, Handshake, ConnectionRegistry, @PathParam(\"name\") String, and at"
                + " most one payload parameter, decoded from the payload: String, a number, a record, List<Move> or any other"
                + " JSON-B type without type variables", failure.getMessage());
    }

    @dev.sockeye.EventEndpoint("/bad")
    public static class BadEndpoint {
        @dev.sockeye.OnEvent("chat")
        public void chat(String text, TypedEvents.Move move) {
        }
    }
}
