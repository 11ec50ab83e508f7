package dev.sockeye.examples.chat;

import dev.sockeye.Config;
import dev.sockeye.embedded.EmbeddedServer;
import dev.sockeye.impl.client.IrisClientScript;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the chat on a free loopback port and uses it as a browser would: page, script, socket. */
class ChatServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PREFIX = Config.DEFAULT_MESSAGE_PREFIX;

    private static EmbeddedServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        server = ChatServer.start(0);
        // HTTP/1.1 as browsers speak it: the default HTTP/2 client asks for an h2c upgrade, and Grizzly
        // then answers without a Content-Type
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void rootServesThePageThatLoadsTheClientAndOpensTheEndpoint() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html", page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.body().contains("<script src=\"/iris-ws.js\"></script>"), page.body());
        assertTrue(page.body().contains("new Ws("), page.body());
        assertTrue(page.body().contains(ChatServer.ENDPOINT_PATH), page.body());
    }

    @Test
    void clientScriptIsServedWithTheEndpointPrefix() throws Exception {
        HttpResponse<String> script = get("/iris-ws.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript", script.headers().firstValue("Content-Type").orElse(""));
        assertEquals(IrisClientScript.render(PREFIX), script.body());
    }

    @Test
    void chatMessageReachesEveryRoomMemberSenderIncluded() throws Exception {
        Peer alice = Peer.connect();
        Peer bob = Peer.connect();
        try {
            // a connection has joined the room once it hears its own message
            alice.say("alice is here");
            alice.awaitEndingWith(": alice is here");
            bob.say("bob is here");
            bob.awaitEndingWith(": bob is here");

            alice.say("hello;there");
            String toAlice = alice.awaitEndingWith(": hello;there");
            String toBob = bob.awaitEndingWith(": hello;there");

            assertEquals(toAlice, toBob);
            assertTrue(Pattern.matches(Pattern.quote(PREFIX + "chat;0;From: ") + "[0-9a-f-]{36}"
                    + Pattern.quote(": hello;there"), toAlice), toAlice);
        } finally {
            alice.close();
            bob.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.httpUri(path)).timeout(TIMEOUT).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A JDK WebSocket client that queues whole text messages. */
    private static final class Peer implements WebSocket.Listener {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Peer connect() throws Exception {
            Peer peer = new Peer();
            URI uri = server.uri(ChatServer.ENDPOINT_PATH);
            peer.socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri, peer)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return peer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void say(String text) throws Exception {
            socket.sendText(PREFIX + "chat;0;" + text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        /** Skips other messages (such as another peer's greeting) until one ends with {@code suffix}. */
        String awaitEndingWith(String suffix) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                String message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertNotNull(message, "no message ending with '" + suffix + "' within " + TIMEOUT);
                if (message.endsWith(suffix)) {
                    return message;
                }
            }
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
