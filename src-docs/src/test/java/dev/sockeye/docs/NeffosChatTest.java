package dev.sockeye.docs;

import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The neffos chapter's chat does what the chapter says, over real connections that send the frames
 * neffos.js sends (the published client itself runs in clients/neffos-tests).
 */
class NeffosChatTest {

    @Test
    void theEventsChatRelaysToTheOthersAndAnswersAsks() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.builder().port(0).endpoint(NeffosChat.chat()).start()) {
            URI uri = URI.create(server.uri("/websocket_endpoint") + "?name=ana");
            try (TyrusTestClient ana = TyrusTestClient.connect(uri);
                 TyrusTestClient bob = TyrusTestClient.connect(server.uri("/websocket_endpoint"))) {
                for (TyrusTestClient client : new TyrusTestClient[] {ana, bob}) {
                    client.send("M");
                    assertTrue(client.next().startsWith("A"), "acknowledged with A<id>");
                    client.send("$1;default;;_OnNamespaceConnect;0;0;");
                    assertEquals("$1;;;;;;", client.next());
                }
                ana.send(";default;;chat;0;0;hi;bob");
                assertEquals(";default;;chat;0;0;ana: hi;bob", bob.next());
                ana.send("$2;default;admin-room;_OnRoomJoin;0;0;");
                assertEquals("$2;default;admin-room;_OnRoomJoin;1;0;not for you", ana.next());
                ana.send("$3;default;;time;0;0;");
                assertTrue(ana.next().matches("\\$3;default;;time;0;0;\\d{4}-.*"), "the ask is answered");
            }
        }
    }

    @Test
    void theMigrationEndpointsDeployTogether() throws Exception {
        var endpoints = NeffosChat.migration();
        try (EmbeddedServer server = EmbeddedServer.builder().port(0).endpoint(endpoints[0]).endpoint(endpoints[1])
                .start(); TyrusTestClient iris = TyrusTestClient.connect(server.uri("/chat"));
             TyrusTestClient neffos = TyrusTestClient.connect(server.uri("/chat-v2"))) {
            neffos.send("M");
            assertTrue(neffos.next().startsWith("A"));
            neffos.send("$1;default;;_OnNamespaceConnect;0;0;");
            assertEquals("$1;;;;;;", neffos.next());
            neffos.send("$2;default;news;_OnRoomJoin;0;0;");
            assertEquals("$2;;;;;;", neffos.next());
            // the Iris client has no frame that says its connection listener ran (and joined the
            // room): under load the server may still be running it when the upgrade has completed
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (endpoints[0].registry().members("default/news").size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, endpoints[0].registry().members("default/news").size(), "both clients in the room");
            endpoints[0].registry().to(dev.sockeye.Target.room("default/news")).emit("headline", "now");
            assertEquals("iris-websocket-message:headline;0;now", iris.next());
            assertEquals(";default;news;headline;0;0;now", neffos.next());
        }
    }

    @Test
    void theControllerChatDeploys() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.builder().port(0).endpoint(NeffosChat.controllerChat()).start();
             TyrusTestClient client = TyrusTestClient.connect(server.uri("/websocket_endpoint"))) {
            client.send("M");
            assertTrue(client.next().startsWith("A"));
            client.send("$1;default;;_OnNamespaceConnect;0;0;");
            assertEquals("$1;;;;;;", client.next());
            client.send("$2;default;;nickname;0;0;");
            String ask = client.next();
            assertTrue(ask.matches("\\d+;default;;whoAreYou;0;0;"), "the server asks the client: " + ask);
            client.send(ask.substring(0, ask.indexOf(';')) + ";default;;whoAreYou;0;0;ana");
            assertEquals("$2;default;;nickname;0;0;hello ana", client.next());
        }
    }

    @Test
    void theClientErrorLoggerIsAConnectHookBesideTheNamespace() {
        Namespaces namespaces = NeffosChat.withClientErrorsLogged(Events.builder().build());
        assertTrue(namespaces.onConnect().isPresent());
        assertEquals(java.util.Set.of("default"), namespaces.events().keySet());
    }
}
