package dev.sockeye.docs;

import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.client.ClientOptions;
import dev.sockeye.client.Reconnect;
import dev.sockeye.client.SockeyeClient;
import dev.sockeye.docs.TypedEvents.Move;
import dev.sockeye.embedded.EmbeddedServer;
import dev.sockeye.impl.client.IrisClientScript;
import dev.sockeye.impl.client.SockeyeClientScript;

import jakarta.websocket.DeploymentException;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static java.nio.charset.StandardCharsets.UTF_8;

/** The clients page of the guide (guide/clients.md): serving the browser clients, and the Java client. */
public final class ClientsGuide {

    private ClientsGuide() {
    }

    // tag::serve[]
    static EmbeddedServer serve(SockeyeEndpoint endpoint, int port) throws DeploymentException {
        String prefix = endpoint.config().messagePrefix();
        return EmbeddedServer.builder()
                .port(port)
                .endpoint(endpoint)
                .file("/iris-ws.js", IrisClientScript.render(prefix).getBytes(UTF_8))
                .file("/sockeye.js", SockeyeClientScript.render(prefix).getBytes(UTF_8))
                .start();
    }
    // end::serve[]

    // tag::java-client[]
    static SockeyeClient play(URI game, Consumer<String> show) throws Exception {
        SockeyeClient client = SockeyeClient.create(game, ClientOptions.builder()
                .reconnect(Reconnect.exponentialBackoff())
                .build());
        client.on("moved", Move.class, move -> show.accept(move.piece() + " to " + move.x() + "," + move.y()));
        client.on("count", int.class, count -> show.accept("count " + count));
        client.onError(error -> show.accept("problem: " + error.getMessage()));
        client.onDisconnect(reason -> show.accept("closed: " + reason.getCloseCode().getCode()));

        client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);

        client.emit("move", new Move("knight", 2, 3));
        client.emit("moves", List.of(new Move("pawn", 0, 1), new Move("rook", 7, 7)));
        return client;
    }
    // end::java-client[]
}
