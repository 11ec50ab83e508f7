package dev.sockeye.cluster.redis;

import dev.sockeye.Target;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.sockeye.cluster.redis.WsClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names in Redis can never address another room, endpoint or application. */
class RedisNamesTest {

    @Test
    void globAndSeparatorCharactersAreEscaped() {
        RedisNames names = new RedisNames("app", "/chat/{room}");
        String channel = names.roomChannel("a*b?c[d]e\\f:g h");
        assertFalse(channel.substring("app:".length()).matches(".*[*?\\[\\]\\\\ ].*"), channel);
        assertEquals("app:%2Fchat%2F%7Broom%7D:room:a%2Ab%3Fc%5Bd%5De%5Cf%3Ag%20h", channel);
        assertTrue(names.room("node", "x:y").endsWith(":r:x%3Ay"));
        assertThrows(IllegalArgumentException.class, () -> new RedisNames("bad prefix*", "/x"));
    }

    @Test
    void twoApplicationsSharingOneRedisDoNotSeeEachOther() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNodeApp appOne = ClusterNodeApp.start(redis.uri(), "one");
             ClusterNodeApp appTwo = ClusterNodeApp.start(redis.uri(), "two");
             ClusterNodeApp appTwoAgain = ClusterNodeApp.start(redis.uri(), "two");
             WsClient inOne = new WsClient(appOne.uri("*"));
             WsClient inTwo = new WsClient(appTwo.uri("*"));
             WsClient inTwoAgain = new WsClient(appTwoAgain.uri("*"))) {
            ClusterFailureTest.await(() -> appTwo.endpoint.registry().cluster().count().toCompletableFuture().get().value() == 2,
                    "app two sees its two connections", 10);
            appTwo.endpoint.registry().to(Target.room("*")).emit("chat", "two only");
            assertEquals(PREFIX + "chat;0;two only", inTwo.next());
            assertEquals(PREFIX + "chat;0;two only", inTwoAgain.next());
            assertNull(inOne.poll(Duration.ofMillis(400)), "another prefix never receives");
            assertEquals(1, appOne.endpoint.registry().cluster().count().toCompletableFuture().get().value());
        }
    }
}
