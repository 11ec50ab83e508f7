package dev.sockeye.clients.tests;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.ConnectionListener;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;
import dev.sockeye.examples.chat.ChatServer;
import dev.sockeye.impl.client.IrisClientScript;
import dev.sockeye.impl.client.SockeyeClientScript;

import jakarta.websocket.DeploymentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The servers the JavaScript tests talk to. Each records what its endpoints saw in a log that
 * the tests read through the {@link ControlServer}.
 */
final class Fixtures {

    /** The prefix of the mirror endpoint: the clients never send it, so all their frames reach it as native messages. */
    static final String MIRROR_PREFIX = "mirror-unused-prefix:";

    /** The subprotocols of the protocol endpoint, in the server's preference order. */
    static final List<String> SUBPROTOCOLS = List.of("chat.v2", "chat.v1");

    /** A record the server emits as JSON. */
    public record Sample(String name, List<Integer> values) {
    }

    /** A JavaBean the server emits as JSON (JSON-B orders its properties by name). */
    public static final class Bean {
        public String getLabel() {
            return "bean";
        }

        public int getCount() {
            return 3;
        }
    }

    private Fixtures() {
    }

    /** What a fixture needs to start (again, on the same port). */
    @FunctionalInterface
    interface Starter {
        EmbeddedServer start(int port, List<String> log) throws DeploymentException;
    }

    /**
     * @param name   {@code protocol} or {@code chat}
     * @param prefix the event prefix of the protocol endpoint and of the scripts it serves
     * @param binary whether the protocol endpoint sends binary frames
     */
    static Starter named(String name, String prefix, boolean binary) {
        return switch (name) {
            case "protocol" -> (port, log) -> protocolServer(port, prefix, binary, log);
            case "chat" -> (port, log) -> ChatServer.start(port, recording(log));
            default -> throw new IllegalArgumentException("no fixture named '" + name + "'; known: protocol, chat");
        };
    }

    /**
     * {@code /protocol}: the event protocol with the given prefix and the {@link #SUBPROTOCOLS}
     * (echo, probe, samples, typed listeners, native echo, kick, emit-to an event the client
     * names, raw frames, the negotiated subprotocol); {@code /chat}:
     * the chat example's behaviour (room1, "From: &lt;id&gt;: ...") for the sockeye.js chat page; {@code /mirror}: sends every frame it receives back as a
     * native message {@code frame:<text>} (or {@code frame-hex:<hex>} for bytes that are not
     * UTF-8); {@code /}, {@code /iris-ws.js}, {@code /sockeye.js} and {@code /sockeye-chat.html}:
     * a blank page, both clients rendered with the prefix, and the guide's sockeye.js chat page.
     */
    private static EmbeddedServer protocolServer(int port, String prefix, boolean binary, List<String> log)
            throws DeploymentException {
        Config config = Config.builder().messagePrefix(prefix).binaryMessages(binary).maxMessageSize(64 * 1024)
                .subprotocols(SUBPROTOCOLS).build();
        SockeyeEndpoint protocol = Sockeye.endpoint("/protocol", config, connection -> {
            recording(log).onConnection(connection);
            protocol(connection);
        });
        SockeyeEndpoint chat = Sockeye.endpoint("/chat", config, connection -> {
            recording(log).onConnection(connection);
            connection.join("room1");
            connection.on("chat", String.class, message ->
                    connection.to(Target.room("room1")).emit("chat", "From: " + connection.id() + ": " + message));
        });
        SockeyeEndpoint mirror = Sockeye.endpoint("/mirror",
                Config.builder().messagePrefix(MIRROR_PREFIX).maxMessageSize(64 * 1024).build(),
                connection -> connection.onMessage(bytes -> connection.emitMessage(mirrored(bytes))));
        return EmbeddedServer.builder()
                .port(port)
                .endpoint(protocol)
                .endpoint(chat)
                .endpoint(mirror)
                .file("/", ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>fixture</title>"
                        + "<link rel=\"icon\" href=\"data:,\"></head><body></body></html>").getBytes(UTF_8))
                .file("/iris-ws.js", IrisClientScript.render(prefix).getBytes(UTF_8))
                .file("/sockeye.js", SockeyeClientScript.render(prefix).getBytes(UTF_8))
                .file("/sockeye-chat.html", page("browser/sockeye-chat.html"))
                .start();
    }

    private static void protocol(Connection connection) {
        connection.on("echo", String.class, text -> connection.emit("echo", text));
        connection.on("probe", Object.class, value -> connection.emit("probed", describe(value)));
        connection.on("int", int.class, value -> connection.emit("typed", "int " + value));
        connection.on("double", double.class, value -> connection.emit("typed", "double " + value));
        connection.on("bool", boolean.class, value -> connection.emit("typed", "boolean " + value));
        connection.on("bytes", byte[].class, value -> connection.emit("typed", "bytes " + HexFormat.of().formatHex(value)));
        connection.on("sample", Sample.class, value -> connection.emit("typed", "sample " + value));
        connection.on("kick", () -> connection.disconnect());
        connection.on("emit-to", String.class, event -> connection.emit(event, "to " + event));
        connection.on("raw", String.class, connection::emitMessage);
        connection.on("subprotocol", () -> connection.emit("subprotocol", connection.handshake().subprotocol().orElse("")));
        connection.on("samples", () -> {
            connection.emit("s-text", "hello;x ü");
            connection.emit("s-chars", new StringBuilder("built;text"));
            connection.emit("s-int", 42);
            connection.emit("s-long", 9_007_199_254_740_993L);
            connection.emit("s-short", (short) 7);
            connection.emit("s-byte", (byte) -8);
            connection.emit("s-true", true);
            connection.emit("s-false", false);
            connection.emit("s-double", 3.5);
            connection.emit("s-record", new Sample("a", List.of(1, 2)));
            connection.emit("s-bean", new Bean());
            connection.emit("s-list", List.of("a", "b"));
            connection.emit("s-map", Map.of("k", 1));
            connection.emit("s-null", null);
            connection.emit("s-bytes", "raw bytes".getBytes(UTF_8));
            connection.emit("s-buffer", ByteBuffer.wrap("..buffer bytes".getBytes(UTF_8)).position(2)); // its remaining bytes
            connection.emit("s-empty", "");
            connection.emitMessage("native text");
            connection.emit("s-done", "");
        });
        connection.onMessage(bytes -> connection.emitMessage("native:" + new String(bytes, UTF_8)));
    }

    /** The Java type and value the server decoded for a listener of {@code Object}: it shows the type digit. */
    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static byte[] page(String file) {
        try {
            return Files.readAllBytes(NodeRun.FOLDER.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mirrored(byte[] bytes) {
        try {
            return "frame:" + UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return "frame-hex:" + HexFormat.of().formatHex(bytes);
        }
    }

    private static ConnectionListener recording(List<String> log) {
        return connection -> {
            log.add("connect " + connection.id());
            connection.onDisconnect(() -> log.add("disconnect " + connection.id()));
        };
    }
}
