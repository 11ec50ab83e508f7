package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the quick start as the guide describes it: two peers in room1, one speaks, both hear. */
class QuickStartTest {

    private static final String PREFIX = Config.DEFAULT_MESSAGE_PREFIX;

    @Test
    void roomEmitReachesBothPeersWithTheSendersId() throws Exception {
        try (EmbeddedServer server = QuickStart.start(0);
             TyrusTestClient alice = TyrusTestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/chat"));
             TyrusTestClient bob = TyrusTestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/chat"))) {
            // each peer has joined room1 once it hears its own message
            alice.send(PREFIX + "chat;0;alice is here");
            alice.nextEndingWith(": alice is here");
            bob.send(PREFIX + "chat;0;bob is here");
            bob.nextEndingWith(": bob is here");

            alice.send(PREFIX + "chat;0;hello");

            String toAlice = alice.nextEndingWith(": hello");
            String toBob = bob.nextEndingWith(": hello");
            assertEquals(toAlice, toBob);
            assertTrue(Pattern.matches(Pattern.quote(PREFIX + "chat;0;From: ") + "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
                    + Pattern.quote(": hello"), toAlice), toAlice);
        }
    }

    @Test
    void pageAndClientScriptAreServed() throws Exception {
        try (EmbeddedServer server = QuickStart.start(0)) {
            HttpClient http = HttpClient.newHttpClient();
            String page = http.send(HttpRequest.newBuilder(server.httpUri("/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String script = http.send(HttpRequest.newBuilder(server.httpUri("/iris-ws.js")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("new Ws(\"ws://\" + location.host + \"/chat\")"), page);
            assertTrue(script.contains("var EVENT_PREFIX = \"" + PREFIX + "\";"), script);
        }
    }
}
