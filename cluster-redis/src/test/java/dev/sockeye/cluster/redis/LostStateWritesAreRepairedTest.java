package dev.sockeye.cluster.redis;

import dev.sockeye.ClusterAnswer;
import dev.sockeye.spi.ClusterBus;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.sockeye.cluster.redis.ClusterFailureTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A state write that Redis refuses is not lost for ever: it is counted in {@code dropped()} and the
 * node rewrites its whole state at its next heartbeat. Redis refuses the join here because the
 * room's key holds a string (WRONGTYPE); in the scale benchmark the writes were lost to Lettuce's
 * command timeout under load, and the cluster's count stayed up to 718 short of 51,000 for good.
 */
class LostStateWritesAreRepairedTest {

    @Test
    void aJoinThatRedisRefusedAppearsInTheClusterViewAfterTheNextHeartbeat() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNodeApp node = ClusterNodeApp.start(redis.uri(), "repair");
             WsClient first = new WsClient(node.uri(null))) {
            await(() -> redis.command("EVAL \"return #redis.call('keys','repair:*:conns')\" 0").equals(":1"),
                    "the node's connection set written", 10);
            // the key of room "blocked" on this node holds a string: Redis refuses SADD to it
            assertEquals(":1", redis.command("EVAL \"local k = redis.call('keys','repair:*:conns')[1]; "
                    + "redis.call('set', string.sub(k, 1, #k - 6) .. ':r:blocked', 'not a set'); return 1\" 0"));
            ClusterBus bus = (ClusterBus) node.endpoint.registry().cluster();
            long droppedBefore = bus.dropped();

            try (WsClient joiner = new WsClient(node.uri("blocked"))) {
                await(() -> bus.dropped() > droppedBefore, "the refused write counted as dropped", 5);
                long refusedAt = System.nanoTime();
                await(() -> members(node, "blocked").equals(Set.of(joiner.id)),
                        "the join in the cluster's view after a rewrite", 5);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - refusedAt);
                assertTrue(millis < 3000, "repaired after " + millis + " ms; the heartbeat is 1 s");
                assertEquals(2, node.endpoint.registry().cluster().count().toCompletableFuture()
                        .get(5, TimeUnit.SECONDS).value(), "the rewrite keeps the other connection");
            }
        }
    }

    private static Set<String> members(ClusterNodeApp node, String room) throws Exception {
        ClusterAnswer<Set<String>> answer = node.endpoint.registry().cluster().members(room)
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        return answer.value();
    }
}
