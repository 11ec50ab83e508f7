package dev.sockeye.cluster.redis;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.OnEvent;
import dev.sockeye.Protocol;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.spi.ClusterBus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import static dev.sockeye.cluster.redis.WsClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two nodes on one real Redis, each serving {@link NeffosNodeApp}: a neffos endpoint of its own
 * joins the cluster, and every namespace target (a room, all but one, {@code room.others()}, one
 * connection in the namespace) reaches the neffos clients of both nodes; a neffos endpoint sharing
 * an Iris endpoint's registry mixes both protocols across the nodes; a drop-in controller endpoint
 * joins the cluster too, and leaves it when closed.
 */
class NeffosAcrossNodesTest {

    private static final Duration QUIET = Duration.ofMillis(400);

    private static RedisServer redis;
    private static NeffosNodeApp nodeA;
    private static NeffosNodeApp nodeB;

    @BeforeAll
    static void startCluster() throws Exception {
        redis = RedisServer.start();
        nodeA = NeffosNodeApp.start(redis.uri(), "neffos");
        nodeB = NeffosNodeApp.start(redis.uri(), "neffos");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        nodeA.close();
        nodeB.close();
        redis.close();
    }

    @Test
    void aNeffosEndpointOfItsOwnDeliversEveryNamespaceTargetOnBothNodes() throws Exception {
        try (NeffosWsClient a1 = new NeffosWsClient(nodeA.uri("/neffos"));
             NeffosWsClient a2 = new NeffosWsClient(nodeA.uri("/neffos"));
             NeffosWsClient b1 = new NeffosWsClient(nodeB.uri("/neffos"));
             NeffosWsClient b2 = new NeffosWsClient(nodeB.uri("/neffos"))) {
            a1.connect("chat");
            a1.joinRoom("chat", "r");
            b1.connect("chat");
            b1.joinRoom("chat", "r");
            b2.connect("chat");
            a2.connect("other");
            SockeyeEndpoint endpoint = nodeA.neffos;
            awaitMembers(endpoint, Namespaces.registryRoom("chat", "r"), Set.of(a1.id, b1.id));
            awaitMembers(endpoint, Namespaces.registryRoom("chat", ""), Set.of(a1.id, b1.id, b2.id));
            awaitMembers(endpoint, Namespaces.registryRoom("other", ""), Set.of(a2.id));

            // a room of the namespace: its members on both nodes, the sender included
            a1.emit("chat", "r", "room", "");
            assertSaid(a1, "chat", "r", "room from " + a1.id);
            assertSaid(b1, "chat", "r", "room from " + a1.id);
            assertQuiet(a2, b2);

            // room.others(): the other members, wherever they are
            b1.emit("chat", "r", "others", "");
            assertSaid(a1, "chat", "r", "others from " + b1.id);
            assertQuiet(b1, a2, b2);

            // allExcept: every connection of the namespace on both nodes but the sender; not the other namespace
            a1.emit("chat", "", "allExcept", "");
            assertSaid(b1, "chat", "", "allExcept from " + a1.id);
            assertSaid(b2, "chat", "", "allExcept from " + a1.id);
            assertQuiet(a1, a2);
            // ... and the one left out may live on another node than the sender
            a1.emit("chat", "", "allExcept", b2.id);
            assertSaid(a1, "chat", "", "allExcept from " + a1.id);
            assertSaid(b1, "chat", "", "allExcept from " + a1.id);
            assertQuiet(b2, a2);

            // to(connection) in a namespace: a connection on the other node, framed in that namespace
            a1.emit("chat", "", "direct", b2.id);
            assertSaid(b2, "chat", "", "direct from " + a1.id);
            // ... and nothing for a connection that is not connected to the namespace
            a2.emit("other", "", "direct", b1.id);
            assertQuiet(b1, a1, b2);
            b1.connect("other");
            awaitMembers(endpoint, Namespaces.registryRoom("other", ""), Set.of(a2.id, b1.id));
            a2.emit("other", "", "direct", b1.id);
            assertSaid(b1, "other", "", "direct from " + a2.id);
            assertQuiet(b1, a1, b2, a2);

            // the registry's own emit, from the other node, to a namespace room
            nodeB.neffos.registry().to(Target.room(Namespaces.registryRoom("chat", "r"))).emit("news", "from a timer");
            for (NeffosWsClient member : new NeffosWsClient[] {a1, b1}) {
                assertEquals(new NeffosWsClient.Frame("", "chat", "r", "news", false, "from a timer"), member.next());
            }
        }
    }

    @Test
    void aNeffosEndpointSharingAnIrisRegistryMixesBothProtocolsAcrossNodes() throws Exception {
        try (NeffosWsClient n1 = new NeffosWsClient(nodeA.uri("/shared"));
             NeffosWsClient n2 = new NeffosWsClient(nodeB.uri("/shared"));
             WsClient i1 = new WsClient(nodeB.uri("/iris"));
             WsClient i2 = new WsClient(nodeA.uri("/iris"))) {
            String room = Namespaces.registryRoom("chat", "r");
            n1.connect("chat");
            n1.joinRoom("chat", "r");
            n2.connect("chat");
            n2.joinRoom("chat", "r");
            i1.emit("join", room);
            awaitMembers(nodeA.iris, room, Set.of(n1.id, n2.id, i1.id));
            awaitMembers(nodeA.iris, Namespaces.registryRoom("chat", ""), Set.of(n1.id, n2.id));

            // a neffos room emit reaches the neffos and the Iris members of both nodes, each in its protocol
            n1.emit("chat", "r", "room", "");
            assertSaid(n1, "chat", "r", "room from " + n1.id);
            assertSaid(n2, "chat", "r", "room from " + n1.id);
            assertEquals(PREFIX + "said;0;room from " + n1.id, i1.next());
            assertNull(i2.poll(QUIET));

            // room.others() leaves out the sender only, on every node and in both protocols
            n2.emit("chat", "r", "others", "");
            assertSaid(n1, "chat", "r", "others from " + n2.id);
            assertEquals(PREFIX + "said;0;others from " + n2.id, i1.next());
            assertQuiet(n2);
            assertNull(i2.poll(Duration.ZERO));

            // an Iris room emit reaches the neffos members on both nodes
            i1.emit("room", "");
            assertEquals(PREFIX + "said;0;iris room from " + i1.id, i1.next());
            assertSaid(n1, "chat", "r", "iris room from " + i1.id);
            assertSaid(n2, "chat", "r", "iris room from " + i1.id);

            // an Iris all-but-me: every other connection of the shared registry, neffos ones once per namespace
            i2.emit("others", "");
            assertEquals(PREFIX + "said;0;iris others from " + i2.id, i1.next());
            assertSaid(n1, "chat", "", "iris others from " + i2.id);
            assertSaid(n2, "chat", "", "iris others from " + i2.id);
            assertNull(i2.poll(QUIET));

            // to(connection) in a namespace skips an Iris connection (it is in no namespace), reaches a neffos one
            n1.emit("chat", "", "direct", i1.id);
            n1.emit("chat", "", "direct", n2.id);
            assertSaid(n2, "chat", "", "direct from " + n1.id);
            assertNull(i1.poll(QUIET));
            assertQuiet(n1, n2);
        }
    }

    /** The config of {@link EchoController}: the test's Redis. */
    public static final class ClusteredConfig implements Supplier<Config> {
        static volatile String redisUri;

        @Override
        public Config get() {
            return Config.builder().cluster(RedisCluster.uri(redisUri).prefix("dropin").factory()).build();
        }
    }

    /** A drop-in neffos controller, deployed as an {@code @EventEndpoint} class. */
    @EventEndpoint(value = "/drop-in", protocol = Protocol.NEFFOS, config = ClusteredConfig.class)
    @NeffosController("chat")
    public static final class EchoController {
        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void aNeffosControllerEndpointJoinsTheClusterAndLeavesItWhenClosed() throws Exception {
        ClusteredConfig.redisUri = redis.uri();
        SockeyeEndpoint dropIn = Sockeye.endpoint(EchoController.class);
        String nodes = "ZCARD dropin:%2Fdrop-in:nodes";
        try {
            assertInstanceOf(ClusterBus.class, dropIn.registry().cluster());
            ClusterFailureTest.await(() -> ":1".equals(redis.command(nodes)), "the node registered in Redis", 10);
        } finally {
            dropIn.close();
        }
        ClusterFailureTest.await(() -> ":0".equals(redis.command(nodes)), "the closed node gone from Redis", 10);
    }

    private static void assertSaid(NeffosWsClient client, String namespace, String room, String body) throws Exception {
        NeffosWsClient.Frame frame = client.next();
        assertEquals(new NeffosWsClient.Frame("", namespace, room, "said", false, body), frame);
    }

    private static void assertQuiet(NeffosWsClient... clients) throws Exception {
        for (NeffosWsClient client : clients) {
            assertNull(client.poll(QUIET), "connection " + client.id + " received a frame");
        }
    }

    private static void awaitMembers(SockeyeEndpoint endpoint, String room, Set<String> expected) throws Exception {
        ClusterFailureTest.await(() -> endpoint.registry().cluster().members(room).toCompletableFuture().get().value()
                .equals(expected), "the members of " + room + " to be " + expected, 10);
    }
}
