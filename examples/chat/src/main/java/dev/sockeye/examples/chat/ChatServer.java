package dev.sockeye.examples.chat;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.ConnectionListener;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;
import dev.sockeye.impl.client.IrisClientScript;

import jakarta.websocket.DeploymentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Iris chat example on Sockeye: every browser that opens the page joins {@value #ROOM}, and a
 * message sent by one is shown, with its sender's ID, to everybody in the room, the sender
 * included.
 *
 * <p>It serves three things on one port: the page at {@code /}, the {@code iris-ws.js} client at
 * {@code /iris-ws.js} and the WebSocket endpoint at {@value #ENDPOINT_PATH}. The page and the
 * socket share an origin, so the default origin policy accepts the browser.
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl examples/chat exec:java
 * </pre>
 */
public final class ChatServer {

    /** The path of the WebSocket endpoint, as in the Iris example. */
    public static final String ENDPOINT_PATH = "/my_endpoint";
    /** The room that every connection joins. */
    public static final String ROOM = "room1";
    /** The port used when neither an argument nor {@code -Dport} names one. */
    public static final int DEFAULT_PORT = 8080;

    private ChatServer() {
    }

    /**
     * Starts the chat: {@code [port]}, else the system property {@code port}, else {@value #DEFAULT_PORT};
     * {@code 0} picks a free port. Runs until the process is stopped.
     */
    public static void main(String[] args) throws DeploymentException, InterruptedException {
        EmbeddedServer server = start(port(args));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "chat-shutdown"));
        System.out.println("Chat server listening at http://localhost:" + server.port() + "/");
        Thread.currentThread().join();
    }

    /**
     * Starts the page, the client script and the endpoint on one embedded server.
     *
     * @param port the TCP port, or 0 for a free one
     * @return the running server; close it to stop
     */
    public static EmbeddedServer start(int port) throws DeploymentException {
        return start(port, connection -> { });
    }

    /**
     * Starts the chat with an observer that sees each connection right after the chat has set it
     * up, for example to record connections and disconnections in tests.
     *
     * @param port     the TCP port, or 0 for a free one
     * @param observer called for each new connection, after the chat's own listener
     * @return the running server; close it to stop
     */
    public static EmbeddedServer start(int port, ConnectionListener observer) throws DeploymentException {
        SockeyeEndpoint endpoint = Sockeye.endpoint(ENDPOINT_PATH, Config.defaults(), connection -> {
            onConnection(connection);
            observer.onConnection(connection);
        });
        return EmbeddedServer.builder()
                .port(port)
                .endpoint(endpoint)
                .file("/", resource("index.html"))
                .file("/iris-ws.js", IrisClientScript.render(endpoint.config().messagePrefix())
                        .getBytes(StandardCharsets.UTF_8))
                .start();
    }

    static void onConnection(Connection connection) {
        connection.join(ROOM);

        connection.on("chat", String.class, message ->
                connection.to(Target.room(ROOM)).emit("chat", "From: " + connection.id() + ": " + message));

        connection.onDisconnect(() ->
                System.out.println("Connection with ID: " + connection.id() + " has been disconnected!"));
    }

    private static int port(String[] args) {
        String value = args.length > 0 ? args[0] : System.getProperty("port", String.valueOf(DEFAULT_PORT));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a number from 0 to 65535: " + value, e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ChatServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + ChatServer.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
