package dev.sockeye.cluster.redis;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.Emitter;
import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosMessage;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;

import java.net.URI;
import java.time.Duration;

/**
 * The neffos test application every node runs, on one embedded server: a neffos endpoint with a
 * registry of its own ({@code /neffos}), and an Iris endpoint ({@code /iris}) with a neffos endpoint
 * sharing its registry ({@code /shared}). Both neffos endpoints serve the namespaces {@code chat}
 * and {@code other}, whose events address each kind of namespace target and answer {@code said}
 * ({@code allExcept} leaves out the connection its body names, else the sender).
 * The Iris endpoint tells a client its ID, joins the room an Iris {@code join} event names, and
 * emits to the room {@code chat/r} and to all but the sender.
 */
final class NeffosNodeApp implements AutoCloseable {

    final SockeyeEndpoint neffos;
    final SockeyeEndpoint iris;
    final SockeyeEndpoint shared;
    final EmbeddedServer server;

    private NeffosNodeApp(SockeyeEndpoint neffos, SockeyeEndpoint iris, SockeyeEndpoint shared, EmbeddedServer server) {
        this.neffos = neffos;
        this.iris = iris;
        this.shared = shared;
        this.server = server;
    }

    static NeffosNodeApp start(String redisUri, String prefix) throws Exception {
        Config config = Config.builder()
                .cluster(RedisCluster.uri(redisUri).prefix(prefix).heartbeat(Duration.ofSeconds(1)).factory())
                .build();
        SockeyeEndpoint neffos = Sockeye.neffosEndpoint("/neffos", config, namespaces());
        SockeyeEndpoint iris = Sockeye.endpoint("/iris", config, NeffosNodeApp::onIrisConnection);
        SockeyeEndpoint shared = Sockeye.neffosEndpointSharing(iris, "/shared", namespaces());
        EmbeddedServer server = EmbeddedServer.builder().port(0).endpoint(neffos).endpoint(iris).endpoint(shared).start();
        return new NeffosNodeApp(neffos, iris, shared, server);
    }

    private static Namespaces namespaces() {
        Events events = Events.builder()
                .on("room", (ns, msg) -> said(ns.to(Target.room(msg.room())), ns, msg))
                .on("others", (ns, msg) -> said(ns.room(msg.room()).orElseThrow().others(), ns, msg))
                .on("allExcept", (ns, msg) -> said(ns.to(Target.allExcept(msg.text().isEmpty() ? ns.connection().id()
                        : msg.text())), ns, msg))
                .on("direct", (ns, msg) -> said(ns.to(Target.connection(msg.text())), ns, msg))
                .build();
        return Namespaces.builder().namespace("chat", events).namespace("other", events).build();
    }

    /** Emits {@code said} with the sender's ID and the event's name; answers nothing. */
    private static Object said(Emitter emitter, NamespaceConnection ns, NeffosMessage msg) {
        emitter.emit("said", msg.event() + " from " + ns.connection().id());
        return null;
    }

    private static void onIrisConnection(Connection connection) {
        connection.on("join", String.class, connection::join);
        connection.on("room", String.class, text ->
                connection.to(Target.room(Namespaces.registryRoom("chat", "r"))).emit("said", "iris room from " + connection.id()));
        connection.on("others", String.class, text ->
                connection.to(Target.allExcept(connection)).emit("said", "iris others from " + connection.id()));
        connection.emit("id", connection.id());
    }

    URI uri(String path) {
        return server.uri(path);
    }

    @Override
    public void close() {
        neffos.close();
        shared.close();
        iris.close();
        server.close();
    }
}
