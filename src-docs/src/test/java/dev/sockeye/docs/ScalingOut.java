package dev.sockeye.docs;

import dev.sockeye.ClusterAnswer;
import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.cluster.redis.RedisCluster;

import jakarta.websocket.DeploymentException;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** The "Scaling out" chapter's code. */
final class ScalingOut {

    private ScalingOut() {
    }

    // tag::config[]
    static SockeyeEndpoint clusteredChat(String redisUri) {
        Config config = Config.builder()
                .cluster(RedisCluster.uri(redisUri)       // e.g. redis://redis.internal:6379
                        .prefix("chat")                   // one name per application sharing the Redis
                        .factory())
                .build();
        return Sockeye.endpoint("/chat", config, connection -> {
            connection.join("room1");
            connection.on("chat", String.class, message ->
                    connection.to(Target.room("room1")).emit("chat", message));  // every node's room1
        });
    }
    // end::config[]

    // tag::neffos[]
    static SockeyeEndpoint clusteredNeffosChat(String redisUri) throws DeploymentException {
        Config config = Config.builder()
                .cluster(RedisCluster.uri(redisUri).prefix("chat").factory())
                .build();
        return Sockeye.neffosEndpoint("/chat-v2", config, Namespaces.builder()
                .namespace("default", Events.builder()
                        .on("chat", (ns, msg) -> {
                            if (msg.room().isEmpty()) {   // everyone else in "default", on every node
                                ns.to(Target.allExcept(ns.connection())).emit("chat", msg.text());
                            } else {                      // the room's other members, on every node
                                ns.room(msg.room()).orElseThrow().others().emit("chat", msg.text());
                            }
                            return null;
                        })
                        .build())
                .build());
    }
    // end::neffos[]

    // tag::query[]
    static CompletionStage<Set<String>> whoIsInRoom1(SockeyeEndpoint chat) {
        return chat.registry().cluster().members("room1").thenApply((ClusterAnswer<Set<String>> answer) -> {
            if (answer.partial()) {
                System.out.println("some node did not answer in time; showing what is known");
            }
            return answer.value();
        });
    }
    // end::query[]
}
