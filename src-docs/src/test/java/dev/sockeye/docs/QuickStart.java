package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;
import dev.sockeye.impl.client.IrisClientScript;

import jakarta.websocket.DeploymentException;

import java.io.IOException;
import java.io.InputStream;

import static java.nio.charset.StandardCharsets.UTF_8;

/** The quick start of the guide (guide/quick-start.md) and the example of README.md. */
public final class QuickStart {

    private QuickStart() {
    }

    // tag::main[]
    public static void main(String[] args) throws Exception {
        EmbeddedServer server = start(8080);
        System.out.println("Open " + server.httpUri("/") + " in two browser tabs");
        Thread.currentThread().join(); // serve until the process is stopped
    }
    // end::main[]

    // tag::readme[]
    static EmbeddedServer start(int port) throws DeploymentException, IOException {
        // tag::endpoint[]
        SockeyeEndpoint chat = Sockeye.endpoint("/chat", Config.defaults(), connection -> {
            connection.join("room1");

            connection.on("chat", String.class, message ->
                    connection.to(Target.room("room1")).emit("chat", "From: " + connection.id() + ": " + message));

            connection.onDisconnect(() ->
                    System.out.println("Connection with ID: " + connection.id() + " has been disconnected!"));
        });
        // end::endpoint[]

        // tag::server[]
        return EmbeddedServer.builder()
                .port(port) // 0 picks a free port
                .endpoint(chat)
                .file("/", page())
                .file("/iris-ws.js", IrisClientScript.render(chat.config().messagePrefix()).getBytes(UTF_8))
                .start();
        // end::server[]
    }
    // end::readme[]

    private static byte[] page() throws IOException {
        try (InputStream in = QuickStart.class.getResourceAsStream("chat.html")) {
            return in.readAllBytes();
        }
    }
}
