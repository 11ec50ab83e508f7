package dev.sockeye.cluster.redis;

import dev.sockeye.ClusterAnswer;
import dev.sockeye.ClusterView;
import dev.sockeye.Target;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.sockeye.cluster.redis.WsClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nodes on one real Redis (two in this JVM, one in its own): every targeting rule holds
 * across nodes, and the cluster view answers for all of them.
 */
class CrossNodeDeliveryTest {

    private static final Duration QUIET = Duration.ofMillis(400);

    private static RedisServer redis;
    private static ClusterNodeApp nodeA;
    private static ClusterNodeApp nodeB;
    private static RemoteNode nodeC;

    @BeforeAll
    static void startCluster() throws Exception {
        redis = RedisServer.start();
        nodeA = ClusterNodeApp.start(redis.uri(), "cross");
        nodeB = ClusterNodeApp.start(redis.uri(), "cross");
        nodeC = RemoteNode.start(redis.uri(), "cross");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        nodeA.close();
        nodeB.close();
        nodeC.close();
        redis.close();
    }

    /** Waits until the cluster sees {@code expected} connections: state writes are asynchronous. */
    private static void awaitCount(int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = nodeA.endpoint.registry().cluster().count().toCompletableFuture().get().value();
            if (seen == expected) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("cluster count " + seen + ", expected " + expected);
    }

    @Test
    void everyTargetingRuleHoldsAcrossNodes() throws Exception {
        try (WsClient a = new WsClient(nodeA.uri("blue"));
             WsClient b = new WsClient(nodeB.uri("blue"));
             WsClient c = new WsClient(nodeC.uri("blue"));
             WsClient outsider = new WsClient(nodeC.uri(null))) {
            awaitCount(4);
            // a room emit reaches the members on every node, the sender included, and nobody else
            a.emit("room", "hi blue");
            for (WsClient member : new WsClient[] {a, b, c}) {
                assertEquals(PREFIX + "chat;0;hi blue", member.next());
            }
            assertNull(outsider.poll(QUIET));

            // all includes the sender and reaches every node
            b.emit("all", "everyone");
            for (WsClient client : new WsClient[] {a, b, c, outsider}) {
                assertEquals(PREFIX + "chat;0;everyone", client.next());
            }

            // all-but-me excludes the sender on every node
            c.emit("others", "not c");
            assertEquals(PREFIX + "chat;0;not c", a.next());
            assertEquals(PREFIX + "chat;0;not c", b.next());
            assertEquals(PREFIX + "chat;0;not c", outsider.next());
            assertNull(c.poll(QUIET));

            // an ID reaches the one connection wherever it lives
            a.emit("to", c.id);
            assertEquals(PREFIX + "chat;0;direct from " + a.id, c.next());
            a.emit("to", b.id);
            assertEquals(PREFIX + "chat;0;direct from " + a.id, b.next());
            assertNull(outsider.poll(QUIET));
            assertNull(a.poll(Duration.ZERO));

            // an unknown room sends nothing anywhere
            a.emit("nowhere", "lost");
            for (WsClient client : new WsClient[] {a, b, c, outsider}) {
                assertNull(client.poll(Duration.ofMillis(100)));
            }

            // an emit from outside any handler, on one node, reaches the room on all nodes
            nodeB.endpoint.registry().to(Target.room("blue")).emit("news", "from a timer");
            for (WsClient member : new WsClient[] {a, b, c}) {
                assertEquals(PREFIX + "news;0;from a timer", member.next());
            }
        }
        awaitCount(0);
    }

    @Test
    void theClusterViewAnswersForEveryNodeAndCommandsReachRemoteConnections() throws Exception {
        try (WsClient a = new WsClient(nodeA.uri("green"));
             WsClient c = new WsClient(nodeC.uri("green"));
             WsClient c2 = new WsClient(nodeC.uri(null))) {
            awaitCount(3);
            ClusterView view = nodeB.endpoint.registry().cluster();
            ClusterAnswer<Set<String>> members = view.members("green").toCompletableFuture().get();
            assertEquals(Set.of(a.id, c.id), members.value());
            assertFalse(members.partial());
            assertEquals(3, members.nodes().size(), "three live nodes answered");
            assertTrue(view.isConnected(c2.id).toCompletableFuture().get().value());
            assertFalse(view.isConnected("nobody").toCompletableFuture().get().value());
            assertEquals(Set.of(c.id, "green"), view.roomsOf(c.id).toCompletableFuture().get().value());

            // join and leave a connection that lives on another node
            assertTrue(view.join("red", c2.id).toCompletableFuture().get());
            awaitMembers(view, "red", Set.of(c2.id));
            nodeA.endpoint.registry().to(Target.room("red")).emit("chat", "red alert");
            assertEquals(PREFIX + "chat;0;red alert", c2.next());
            assertTrue(view.leave("red", c2.id).toCompletableFuture().get());
            awaitMembers(view, "red", Set.of());

            // disconnect a connection on another node
            assertTrue(view.disconnect(c2.id).toCompletableFuture().get());
            awaitCount(2);
            assertFalse(view.disconnect("nobody").toCompletableFuture().get());
        }
        awaitCount(0);
    }

    private static void awaitMembers(ClusterView view, String room, Set<String> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<String> seen = null;
        while (System.nanoTime() < deadline) {
            seen = view.members(room).toCompletableFuture().get().value();
            if (seen.equals(expected)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("members of " + room + ": " + seen + ", expected " + expected);
    }
}
