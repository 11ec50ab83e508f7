package dev.sockeye.cluster.redis;

import dev.sockeye.Config;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.spi.ClusterBus;

import org.junit.jupiter.api.Test;

import static dev.sockeye.cluster.redis.WsClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A room emit with members on three nodes is published to Redis exactly once; an emit to a
 * connection on the emitting node is not published at all; and the default configuration finds
 * the bus from the system property.
 */
class PublishOnceTest {

    private static long publishes(RedisServer redis) {
        // INFO commandstats has a line "cmdstat_publish:calls=N,..." once PUBLISH has been called
        String reply = redisInfo(redis);
        int at = reply.indexOf("cmdstat_publish:calls=");
        if (at < 0) {
            return 0;
        }
        int start = at + "cmdstat_publish:calls=".length();
        return Long.parseLong(reply.substring(start, reply.indexOf(',', start)));
    }

    private static String redisInfo(RedisServer redis) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", redis.port())) {
            socket.getOutputStream().write("INFO commandstats\r\n".getBytes());
            socket.setSoTimeout(2000);
            java.io.InputStream in = socket.getInputStream();
            StringBuilder header = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                header.append((char) c);
            }
            int length = Integer.parseInt(header.toString().trim().substring(1));
            byte[] body = in.readNBytes(length);
            return new String(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRoomEmitIsPublishedOnceWhateverTheNumberOfNodesAndMembers() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNodeApp a = ClusterNodeApp.start(redis.uri(), "once");
             ClusterNodeApp b = ClusterNodeApp.start(redis.uri(), "once");
             ClusterNodeApp c = ClusterNodeApp.start(redis.uri(), "once");
             WsClient a1 = new WsClient(a.uri("r"));
             WsClient a2 = new WsClient(a.uri("r"));
             WsClient b1 = new WsClient(b.uri("r"));
             WsClient c1 = new WsClient(c.uri("r"))) {
            ClusterFailureTest.await(() -> a.endpoint.registry().cluster().count().toCompletableFuture().get().value() == 4,
                    "four connections seen", 10);
            long before = publishes(redis);
            a.endpoint.registry().to(Target.room("r")).emit("chat", "once");
            for (WsClient client : new WsClient[] {a1, a2, b1, c1}) {
                assertEquals(PREFIX + "chat;0;once", client.next());
            }
            assertEquals(1, publishes(redis) - before, "one PUBLISH for one room emit");

            before = publishes(redis);
            a.endpoint.registry().to(Target.connection(a1.id)).emit("chat", "local");
            assertEquals(PREFIX + "chat;0;local", a1.next());
            assertEquals(0, publishes(redis) - before, "an emit to a local connection stays on its node");
        }
    }

    @Test
    void theDefaultConfigurationTakesTheBusFromTheSystemProperty() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            System.setProperty("sockeye.cluster.redis.uri", redis.uri());
            System.setProperty("sockeye.cluster.prefix", "fromenv");
            SockeyeEndpoint endpoint;
            try {
                endpoint = Sockeye.endpoint("/env", Config.defaults(), connection -> { });
            } finally {
                System.clearProperty("sockeye.cluster.redis.uri");
                System.clearProperty("sockeye.cluster.prefix");
            }
            try {
                assertInstanceOf(ClusterBus.class, endpoint.registry().cluster());
                ClusterFailureTest.await(() -> redis.command("EXISTS fromenv:%2Fenv:nodes").equals(":1"),
                        "the node registered itself under the configured prefix", 10);
            } finally {
                endpoint.close();
            }
            SockeyeEndpoint single = Sockeye.endpoint("/env", Config.defaults(), connection -> { });
            assertTrue(!(single.registry().cluster() instanceof ClusterBus), "without the property: a single node");
        }
    }
}
