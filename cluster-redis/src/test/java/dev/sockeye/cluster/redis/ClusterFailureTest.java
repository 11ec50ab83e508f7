package dev.sockeye.cluster.redis;

import dev.sockeye.ClusterAnswer;
import dev.sockeye.Target;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.sockeye.cluster.redis.WsClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure behaviour: a node that dies leaves the cluster's answers within 10 s; with Redis down,
 * local delivery goes on at once, cross-node emits are counted as dropped and queries answer
 * partially; when Redis returns, cross-node delivery resumes within 5 s.
 */
class ClusterFailureTest {

    @Test
    void aDeadNodeDisappearsFromTheClusterWithinTenSeconds() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNodeApp survivor = ClusterNodeApp.start(redis.uri(), "death")) {
            RemoteNode doomed = RemoteNode.start(redis.uri(), "death");
            WsClient local = new WsClient(survivor.uri("room"));
            WsClient remote1 = new WsClient(doomed.uri("room"));
            WsClient remote2 = new WsClient(doomed.uri(null));
            await(() -> count(survivor) == 3, "three connections seen", 10);

            long killedAt = System.nanoTime();
            doomed.kill();
            await(() -> count(survivor) == 1, "the dead node's connections gone", 10);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
            assertTrue(seconds < 10, "took " + seconds + " s");
            ClusterAnswer<Set<String>> members = survivor.endpoint.registry().cluster().members("room")
                    .toCompletableFuture().get();
            assertEquals(Set.of(local.id), members.value());
            assertFalse(members.partial());
            assertFalse(survivor.endpoint.registry().cluster().isConnected(remote1.id).toCompletableFuture().get().value());
            // the dead node's keys are collected by the survivor's heartbeat
            await(() -> redis.command("KEYS death:*:n:*").startsWith("*") && keysOfOtherNodes(redis, local) == 0,
                    "the dead node's keys deleted", 10);
            local.close();
            remote2.abort();
        }
    }

    private static int keysOfOtherNodes(RedisServer redis, WsClient local) {
        // a KEYS reply starts with *<count>; the survivor's own keys: conns, its room sets and the client's rooms
        String reply = redis.command("EVAL \"return #redis.call('keys','death:*:n:*')\" 0");
        int all = Integer.parseInt(reply.substring(1));
        // survivor: conns, r:<id>, r:room, c:<id> = 4 keys for one connection in one room
        return all - 4;
    }

    @Test
    void withRedisDownLocalDeliveryGoesOnAndCrossNodeDeliveryResumesWhenItReturns() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNodeApp nodeA = ClusterNodeApp.start(redis.uri(), "outage");
             ClusterNodeApp nodeB = ClusterNodeApp.start(redis.uri(), "outage");
             WsClient a1 = new WsClient(nodeA.uri("room"));
             WsClient a2 = new WsClient(nodeA.uri("room"));
             WsClient b1 = new WsClient(nodeB.uri("room"))) {
            await(() -> count(nodeA) == 3, "three connections seen", 10);
            nodeA.endpoint.registry().to(Target.room("room")).emit("chat", "before");
            for (WsClient client : new WsClient[] {a1, a2, b1}) {
                assertEquals(PREFIX + "chat;0;before", client.next());
            }

            redis.kill();
            Thread.sleep(300);
            long start = System.nanoTime();
            a1.emit("room", "during");
            assertEquals(PREFIX + "chat;0;during", a1.next());
            assertEquals(PREFIX + "chat;0;during", a2.next());
            long localMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(localMillis < 1000, "local delivery took " + localMillis + " ms with Redis down");
            await(() -> nodeA.endpoint.registry().cluster() instanceof dev.sockeye.spi.ClusterBus bus && bus.dropped() > 0,
                    "the lost cross-node emit counted as dropped", 5);
            ClusterAnswer<Integer> partial = nodeA.endpoint.registry().cluster().count().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            assertTrue(partial.partial(), "an answer without Redis says it is partial");
            assertEquals(2, partial.value(), "and holds what this node knows");

            redis.startProcess();
            long back = System.nanoTime();
            String received = null;
            while (received == null && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(5)) {
                a1.emit("room", "after");
                received = b1.poll(Duration.ofMillis(200));
            }
            assertEquals(PREFIX + "chat;0;after", received, "cross-node delivery resumed within 5 s");
            await(() -> count(nodeB) == 3, "the state was written again after the restart", 5);
        }
    }

    private static int count(ClusterNodeApp node) {
        try {
            return node.endpoint.registry().cluster().count().toCompletableFuture().get(5, TimeUnit.SECONDS).value();
        } catch (Exception e) {
            return -1;
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Condition condition, String what, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + seconds + " s: " + what);
    }
}
