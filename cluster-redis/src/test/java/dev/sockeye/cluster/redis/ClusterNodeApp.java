package dev.sockeye.cluster.redis;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;

import java.time.Duration;

/**
 * The test application every node runs: on connect a client learns its ID and joins the room named
 * in its query; events address each kind of target. Also a {@code main} so that one node can run in
 * its own JVM.
 */
final class ClusterNodeApp implements AutoCloseable {

    final SockeyeEndpoint endpoint;
    final EmbeddedServer server;

    private ClusterNodeApp(SockeyeEndpoint endpoint, EmbeddedServer server) {
        this.endpoint = endpoint;
        this.server = server;
    }

    static ClusterNodeApp start(String redisUri, String prefix) throws Exception {
        Config config = Config.builder()
                .cluster(RedisCluster.uri(redisUri).prefix(prefix).heartbeat(Duration.ofSeconds(1)).factory())
                .build();
        SockeyeEndpoint endpoint = Sockeye.endpoint("/ws", config, ClusterNodeApp::onConnection);
        return new ClusterNodeApp(endpoint, EmbeddedServer.builder().port(0).endpoint(endpoint).start());
    }

    private static void onConnection(Connection connection) {
        connection.handshake().queryParameter("room").ifPresent(connection::join);
        connection.on("room", String.class, text ->
                connection.to(Target.room(connection.handshake().queryParameter("room").orElse("none"))).emit("chat", text));
        connection.on("all", String.class, text -> connection.to(Target.all()).emit("chat", text));
        connection.on("others", String.class, text -> connection.to(Target.allExcept(connection)).emit("chat", text));
        connection.on("to", String.class, id -> connection.to(Target.connection(id)).emit("chat", "direct from " + connection.id()));
        connection.on("nowhere", String.class, text -> connection.to(Target.room("nobody")).emit("chat", text));
        connection.emit("id", connection.id());
    }

    java.net.URI uri(String room) {
        return java.net.URI.create(server.uri("/ws") + (room == null ? "" : "?room=" + room));
    }

    @Override
    public void close() {
        endpoint.close();
        server.close();
    }

    /** Runs one node until killed; prints {@code PORT <n>} once it listens. */
    public static void main(String[] args) throws Exception {
        ClusterNodeApp node = start(args[0], args[1]);
        System.out.println("PORT " + node.server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
