package dev.sockeye.docs;

import dev.sockeye.Protocol;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drop-in controllers of the neffos chapter are one endpoint with both namespaces. */
class NeffosDropInTest {

    @Test
    void bothControllersServeOnePath() throws Exception {
        List<SockeyeEndpoint> endpoints = NeffosDropIn.endpoints();
        assertEquals(1, endpoints.size());
        assertEquals(Protocol.NEFFOS, endpoints.get(0).protocol());
        try (EmbeddedServer server = EmbeddedServer.builder().port(0).endpoint(endpoints.get(0)).start();
             TyrusTestClient ana = TyrusTestClient.connect(server.uri("/websocket_endpoint"));
             TyrusTestClient bob = TyrusTestClient.connect(server.uri("/websocket_endpoint"))) {
            for (TyrusTestClient client : new TyrusTestClient[] {ana, bob}) {
                client.send("M");
                assertTrue(client.next().startsWith("A"), "acknowledged with A<id>");
                client.send("$1;default;;_OnNamespaceConnect;0;0;");
                assertEquals("$1;;;;;;", client.next());
            }
            ana.send(";default;;chat;0;0;hi");
            assertEquals(";default;;chat;0;0;hi", bob.next());
            ana.send("$2;admin;;_OnNamespaceConnect;0;0;");
            assertEquals("$2;admin;;_OnNamespaceConnect;1;0;sign in first", ana.next());
        }
    }
}
