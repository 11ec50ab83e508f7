package dev.sockeye.neffos.tests;

import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.Key;
import dev.sockeye.neffos.NamespaceHook;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.NeffosMessage;
import dev.sockeye.OnEvent;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;

import jakarta.websocket.DeploymentException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server the neffos.js tests talk to: an Iris-protocol endpoint {@code /iris} and a neffos
 * endpoint {@code /neffos} sharing its rooms, and a neffos endpoint {@code /neffos-binary} in
 * binary mode with the same namespaces but no native messages, on one embedded server. Every behaviour the tests
 * check has a handler here; the test files say which.
 */
final class NeffosFixture {

    /** A JSON body. */
    public record Point(int x, int y) {
    }

    /** The controller of namespace {@code ctrl}: a new instance per namespace connection. */
    @NeffosController("ctrl")
    public static final class CounterController {
        private static final AtomicInteger INSTANCES = new AtomicInteger();
        private final int instance = INSTANCES.incrementAndGet();
        private int calls;
        private String connectedTo;

        @NamespaceHook(NamespaceHook.Kind.NAMESPACE_CONNECTED)
        public void connected(NamespaceConnection ns) {
            connectedTo = ns.namespace();
        }

        @OnEvent("whoami")
        public String whoami() {
            return "controller " + instance + " connected to " + connectedTo;
        }

        @NamespaceHook(NamespaceHook.Kind.ROOM_JOIN)
        public void join(NeffosMessage message) {
            if (message.room().startsWith("private")) {
                throw new IllegalStateException("controller says no to " + message.room());
            }
        }

        @OnEvent("count")
        public String count(String text) {
            calls++;
            return text + " #" + calls + " of instance " + instance;
        }

        @OnEvent("move")
        public Point move(Point point) {
            return new Point(point.x() * 10, point.y() * 10);
        }
    }

    /** What the namespace connected hook stores. */
    static final Key<String> CONNECTED_HOOK = Key.of("connected hook", String.class);
    /** Whether the namespace disconnect hook vetoes a client's disconnect. */
    static final Key<Boolean> LOCKED = Key.of("namespace locked", Boolean.class);
    /** The message of the last problem the connection's error listener heard. */
    static final Key<String> LAST_ERROR = Key.of("last error", String.class);
    /** How long a client's ask waits for a handler's stage ({@code never} never completes). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);
    /** How the server's asks of {@code askAndRecord} ended, by the key the client chose. */
    private static final Map<String, String> ASK_OUTCOMES = new ConcurrentHashMap<>();

    private NeffosFixture() {
    }

    static EmbeddedServer start(int port) throws DeploymentException {
        Config config = Config.builder().allowAllOrigins().maxMessageSize(64 * 1024).build();
        SockeyeEndpoint iris = Sockeye.endpoint("/iris", config, connection ->
                connection.on("join", String.class, connection::join));
        SockeyeEndpoint neffos = Sockeye.neffosEndpointSharing(iris, "/neffos", namespaces(iris, true));
        SockeyeEndpoint binary = Sockeye.neffosEndpoint("/neffos-binary",
                Config.builder().allowAllOrigins().maxMessageSize(64 * 1024).binaryMessages(true).build(),
                namespaces(iris, false));
        return EmbeddedServer.builder().port(port).endpoint(iris).endpoint(neffos).endpoint(binary).start();
    }

    /** @return the class and message of what failed a stage, unwrapped */
    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** @param nativeMessages whether namespace {@code ""} has a native handler (then no frame is malformed) */
    private static Namespaces namespaces(SockeyeEndpoint iris, boolean nativeMessages) {
        Events events = Events.builder()
                .onNamespaceConnect((ns, msg) -> {
                    if (ns.connection().handshake().queryParameter("refuseNamespace").isPresent()) {
                        throw new IllegalStateException("namespace closed for you");
                    }
                })
                .onNamespaceConnected((ns, msg) -> ns.connection().values().put(CONNECTED_HOOK, ns.namespace()))
                .onRoomJoin((ns, msg) -> {
                    if (msg.room().equals("forbidden")) {
                        throw new IllegalStateException("room forbidden");
                    }
                })
                .onRoomJoined((ns, msg) -> ns.emit("joined", msg.room()))
                .onRoomLeave((ns, msg) -> {
                    if (msg.room().equals("sticky") && !msg.isForced()) {
                        throw new IllegalStateException("you cannot leave sticky");
                    }
                })
                .onRoomLeft((ns, msg) -> {
                    ns.emit("leftHook", msg.room() + (msg.isForced() ? " (forced)" : "") + (msg.isLocal() ? " (server)" : ""));
                    if (msg.room().equals("bumpy")) {
                        throw new IllegalStateException("the left hook stumbled");
                    }
                })
                .onNamespaceDisconnect((ns, msg) -> {
                    if (!msg.isForced() && ns.connection().values().get(LOCKED).orElse(false)) {
                        throw new IllegalStateException("namespace locked");
                    }
                })
                .on("lock", (ns, msg) -> {
                    ns.connection().values().put(LOCKED, Boolean.parseBoolean(msg.text()));
                    return "locked: " + msg.text();
                })
                .on("lastError", (ns, msg) -> ns.connection().values().get(LAST_ERROR).orElse("(none)"))
                .on("echo", (ns, msg) -> msg.text())
                .on("silent", (ns, msg) -> null)
                .on("fail", (ns, msg) -> {
                    throw new IllegalArgumentException("nope: " + msg.text());
                })
                .on("failBare", (ns, msg) -> {
                    throw new UnsupportedOperationException();
                })
                .on("chat", (ns, msg) -> {
                    ns.to(Target.room(msg.room())).emit("chat", ns.connection().id() + ": " + msg.text());
                    return null;
                })
                .on("others", (ns, msg) -> {
                    ns.room(msg.room()).orElseThrow().others().emit("others", msg.text());
                    return null;
                })
                .on("binary", (ns, msg) -> msg.body())
                .on("typed", (ns, msg) -> {
                    Point point = msg.decode(Point.class);
                    return new Point(point.x() + 1, point.y() + 1);
                })
                .on("poke", (ns, msg) -> "poked back: " + msg.text())
                .on("never", (ns, msg) -> new java.util.concurrent.CompletableFuture<String>())
                .on("pokeMe", (ns, msg) -> {
                    ns.emit("poke", msg.text());
                    return null;
                })
                .on("serverEmit", (ns, msg) -> {
                    ns.emit("pushed", "hello " + msg.text());
                    return null;
                })
                .on("askMe", (ns, msg) -> ns.ask("question", msg.text(), Duration.ofSeconds(5))
                        .handle((reply, failure) -> failure != null
                                ? "client failed: " + (failure instanceof CompletionException ? failure.getCause() : failure)
                                        .getMessage()
                                : "client said " + reply.text()))
                .on("askBriefly", (ns, msg) -> ns.ask("ignored", msg.text(), Duration.ofMillis(300))
                        .handle((reply, failure) -> failure != null ? "failed: " + describe(failure) : "answered " + reply.text()))
                .on("askAndRecord", (ns, msg) -> {
                    ns.ask("question", "are you there?", Duration.ofSeconds(60)).whenComplete((reply, failure) ->
                            ASK_OUTCOMES.put(msg.text(), failure != null ? "failed: " + describe(failure) : "answered"));
                    return null;
                })
                .on("askOutcome", (ns, msg) -> ASK_OUTCOMES.getOrDefault(msg.text(), ""))
                .on("broadcastAll", (ns, msg) -> iris.registry().to(Target.all()).emit("broadcast", msg.text())
                        .thenApply(written -> "delivered"))
                .on("serverJoin", (ns, msg) -> ns.joinRoom(msg.text()).thenApply(room -> "joined " + room.name()))
                .on("serverLeave", (ns, msg) -> ns.leaveRoom(msg.text()).thenApply(v -> "left " + msg.text()))
                .on("connectCtrl", (ns, msg) -> ns.connection().connect("ctrl")
                        .thenApply(ctrl -> "connected " + ctrl.namespace()))
                .on("news", (ns, msg) -> {
                    iris.registry().to(Target.room(Namespaces.registryRoom("default", "news"))).emit("headline", msg.text());
                    return null;
                })
                .on("connectedHook", (ns, msg) -> ns.connection().values().get(CONNECTED_HOOK).orElse("(not run)"))
                .on("header", (ns, msg) -> ns.connection().handshake().header(msg.text()).orElse("(none)"))
                .on("reconnectTries", (ns, msg) -> ns.connection().reconnectTries())
                .on("members", (ns, msg) -> iris.registry().members(Namespaces.registryRoom("default", msg.text())).size())
                .on("rooms", (ns, msg) -> String.join(",", new java.util.TreeSet<>(ns.rooms())))
                .build();
        Namespaces.Builder builder = Namespaces.builder()
                .onConnect(connection -> {
                    connection.handshake().header("X-Refuse").ifPresent(reason -> {
                        throw new IllegalStateException("refused: " + reason);
                    });
                    connection.onError(problem -> connection.values().put(LAST_ERROR, problem.getMessage()));
                })
                .answerTimeout(ANSWER_TIMEOUT)
                .namespace("default", events)
                .namespace("semi;colon", Events.builder()
                        .on("ev;ent", (ns, msg) -> msg.text() + " in " + ns.namespace() + "/" + msg.room())
                        .on("chat;room", (ns, msg) -> {
                            ns.to(Target.room(msg.room())).emit("chat;room", msg.text());
                            return null;
                        })
                        .build())
                .controller(CounterController.class);
        if (nativeMessages) {
            builder.namespace("", Events.builder().onNativeMessage((ns, msg) -> "native echo: " + msg.text()).build());
        }
        return builder.build();
    }
}
