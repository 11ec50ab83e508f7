package dev.sockeye.client;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.embedded.EmbeddedServer;

import jakarta.websocket.DeploymentException;

import java.net.URI;

/** Real embedded servers on loopback for the client's tests. */
final class Servers {

    static final String PATH = "/test";

    private Servers() {
    }

    /** Starts one endpoint at {@value #PATH} with the default configuration on a free port. */
    static EmbeddedServer start(ConnectionListener listener) throws DeploymentException {
        return start(0, Config.defaults(), listener);
    }

    /** Starts one endpoint at {@value #PATH}; {@code port} 0 picks a free one. */
    static EmbeddedServer start(int port, Config config, ConnectionListener listener) throws DeploymentException {
        SockeyeEndpoint endpoint = Sockeye.endpoint(PATH, config, listener);
        return EmbeddedServer.builder().port(port).endpoint(endpoint).start();
    }

    static URI uri(EmbeddedServer server) {
        return server.uri(PATH);
    }

    /** A connected client with the default options and the listeners {@code setUp} registers first. */
    static SockeyeClient connect(EmbeddedServer server, ClientOptions options,
                                 java.util.function.Consumer<SockeyeClient> setUp) throws Exception {
        SockeyeClient client = SockeyeClient.create(uri(server), options);
        setUp.accept(client);
        Await.done(client.connect());
        return client;
    }
}
