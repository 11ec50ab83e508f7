package dev.sockeye.client;

import dev.sockeye.Config;
import dev.sockeye.PayloadType;
import dev.sockeye.client.Payloads.Score;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server emits as soon as a connection opens; listeners registered before {@code connect()}
 * receive every event decoded into their declared types, in text and in binary mode.
 */
class ListenersDecodeServerEmitsTest {

    private static EmbeddedServer serverEmittingAtOnce(Config config) throws Exception {
        return Servers.start(0, config, connection -> {
            connection.emit("text", "hello;there");
            connection.emit("int", 42);
            connection.emit("long", 9_007_199_254_740_993L);
            connection.emit("bool", false);
            connection.emit("double", 2.25);
            connection.emit("bytes", new byte[] {1, 2, (byte) 0xfe});
            connection.emit("score", new Score("ann", 7));
            connection.emit("scores", List.of(new Score("ann", 7), new Score("bob", 3)));
            connection.emit("map", Map.of("k", "v"));
            connection.emit("done", "");
        });
    }

    private static List<Object> receiveAll(EmbeddedServer server, ClientOptions options) throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        SockeyeClient client = SockeyeClient.create(Servers.uri(server), options);
        client.on("text", String.class, received::add);
        client.on("int", int.class, received::add);
        client.on("long", long.class, received::add);
        client.on("bool", boolean.class, received::add);
        client.on("double", double.class, received::add);
        client.on("bytes", byte[].class, bytes -> received.add(List.of(bytes[0], bytes[1], bytes[2])));
        client.on("score", Score.class, received::add);
        client.on("scores", new PayloadType<List<Score>>() { }, received::add);
        client.on("map", new PayloadType<Map<String, String>>() { }, received::add);
        client.on("done", () -> received.add("done"));
        try (client) {
            Await.done(client.connect());
            List<Object> all = new java.util.ArrayList<>();
            Object next;
            while (!"done".equals(next = Await.next(received))) {
                all.add(next);
            }
            return all;
        }
    }

    private static final List<Object> EXPECTED = List.of(
            "hello;there", 42, 9_007_199_254_740_993L, false, 2.25, List.of((byte) 1, (byte) 2, (byte) 0xfe),
            new Score("ann", 7), List.of(new Score("ann", 7), new Score("bob", 3)), Map.of("k", "v"));

    @Test
    void textFramesDecodeIntoTheDeclaredTypes() throws Exception {
        try (EmbeddedServer server = serverEmittingAtOnce(Config.defaults())) {
            assertEquals(EXPECTED, receiveAll(server, ClientOptions.defaults()));
        }
    }

    @Test
    void binaryModeFramesDecodeTheSame() throws Exception {
        try (EmbeddedServer server = serverEmittingAtOnce(Config.builder().binaryMessages(true).build())) {
            assertEquals(EXPECTED, receiveAll(server, ClientOptions.defaults()));
        }
    }

    @Test
    void everyListenerOfAnEventIsCalledInRegistrationOrder() throws Exception {
        BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        try (EmbeddedServer server = Servers.start(connection -> connection.emit("greeting", "hi"));
             SockeyeClient client = SockeyeClient.create(Servers.uri(server), ClientOptions.defaults())) {
            client.on("greeting", String.class, text -> calls.add("first " + text));
            client.on("greeting", byte[].class, bytes -> calls.add("second " + new String(bytes, StandardCharsets.UTF_8)));
            client.on("greeting", () -> calls.add("third"));
            Await.done(client.connect());
            assertEquals("first hi", Await.next(calls));
            assertEquals("second hi", Await.next(calls));
            assertEquals("third", Await.next(calls));
        }
    }

    @Test
    void aCustomPrefixMustMatchTheServers() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Config config = Config.builder().messagePrefix("app:").build();
        try (EmbeddedServer server = Servers.start(0, config, connection ->
                connection.on("ping", String.class, text -> connection.emit("pong", text + "!")));
             SockeyeClient client = Servers.connect(server, ClientOptions.builder().messagePrefix("app:").build(),
                     c -> c.on("pong", String.class, received::add))) {
            client.emit("ping", "hey");
            assertEquals("hey!", Await.next(received));
        }
    }

    @Test
    void nativeMessagesTravelBothWays() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (EmbeddedServer server = Servers.start(connection ->
                connection.onMessage(bytes -> connection.emitMessage("echo " + new String(bytes, StandardCharsets.UTF_8))));
             SockeyeClient client = Servers.connect(server, ClientOptions.defaults(),
                     c -> c.onMessage(bytes -> received.add(new String(bytes, StandardCharsets.UTF_8))))) {
            client.emitMessage("plain text");
            assertEquals("echo plain text", Await.next(received));
        }
    }

    @Test
    void listenersMayBeAddedWhileConnected() throws Exception {
        BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        try (EmbeddedServer server = Servers.start(connection ->
                connection.on("ask", String.class, text -> connection.emit("answer", text.getBytes(StandardCharsets.UTF_8))));
             SockeyeClient client = Servers.connect(server, ClientOptions.defaults(), c -> { })) {
            client.on("answer", byte[].class, received::add);
            client.emit("ask", "late");
            assertArrayEquals("late".getBytes(StandardCharsets.UTF_8), Await.next(received));
        }
    }
}
