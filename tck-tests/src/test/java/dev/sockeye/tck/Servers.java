package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.embedded.EmbeddedServer;

/** Starts one Sockeye endpoint on an embedded Tyrus server on an ephemeral loopback port. */
public final class Servers {

    private Servers() {
    }

    public record Running(EmbeddedServer server, SockeyeEndpoint endpoint) implements AutoCloseable {
        public java.net.URI uri() {
            return server.uri(endpoint.path());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    public static Running start(ConnectionListener listener) throws Exception {
        return start(Config.defaults(), listener);
    }

    public static Running start(Config config, ConnectionListener listener) throws Exception {
        SockeyeEndpoint endpoint = Sockeye.endpoint("/ws", config, listener);
        return new Running(EmbeddedServer.builder().port(0).endpoint(endpoint).start(), endpoint);
    }
}
