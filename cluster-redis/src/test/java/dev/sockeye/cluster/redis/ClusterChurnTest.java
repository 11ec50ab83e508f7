package dev.sockeye.cluster.redis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 1,000 connections churning over three nodes leave nothing behind: no connection or room in the
 * cluster view, and no key in Redis once the nodes have stopped.
 */
class ClusterChurnTest {

    @Test
    void churningConnectionsLeaveNoResidualStateInRedis() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            ClusterNodeApp[] nodes = {
                    ClusterNodeApp.start(redis.uri(), "churn"),
                    ClusterNodeApp.start(redis.uri(), "churn"),
                    ClusterNodeApp.start(redis.uri(), "churn")};
            for (int round = 0; round < 10; round++) {
                List<WsClient> clients = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    clients.add(new WsClient(nodes[i % 3].uri("room" + (i % 7))));
                }
                for (int i = 0; i < clients.size(); i++) {
                    if (i % 4 == 0) {
                        clients.get(i).abort();
                    } else {
                        clients.get(i).close();
                    }
                }
            }
            ClusterFailureTest.await(() -> nodes[0].endpoint.registry().cluster().count().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS).value() == 0, "every connection gone from the cluster view", 20);
            for (int r = 0; r < 7; r++) {
                assertEquals(java.util.Set.of(), nodes[1].endpoint.registry().cluster().members("room" + r)
                        .toCompletableFuture().get().value());
            }
            // only the three nodes' liveness entries remain while they run
            ClusterFailureTest.await(() -> redis.keyCount() == 1, "only the node list left in Redis", 10);
            for (ClusterNodeApp node : nodes) {
                node.close();
            }
            assertEquals(0, redis.keyCount(), "stopped nodes remove themselves");
        }
    }
}
