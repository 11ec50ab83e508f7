package dev.sockeye.bench;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.cluster.redis.RedisCluster;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The benchmark application on Sockeye, with the default configuration (origin check, 1 KiB
 * message limit, 1 MiB outbound limit per connection with the close policy, write timeout, pings
 * every 54 s), optionally clustered over Redis, optionally without pings.
 */
final class SockeyeServer implements ServerUnderTest {

    private final SockeyeEndpoint endpoint;

    /** @param redisUri the Redis to cluster over, or {@code null} for a single node */
    SockeyeServer(String redisUri) {
        this(redisUri, true);
    }

    /**
     * @param redisUri the Redis to cluster over, or {@code null} for a single node
     * @param pings    {@code false} turns the heartbeat off ({@code pingPeriod} zero), as the raw
     *                 endpoint has none: the fan-out scenario measures both to show what pings cost
     */
    SockeyeServer(String redisUri, boolean pings) {
        Config.Builder config = Config.builder();
        if (!pings) {
            config.pingPeriod(Duration.ZERO);
        }
        if (redisUri != null) {
            config.cluster(RedisCluster.uri(redisUri).prefix("bench").factory());
        }
        endpoint = Sockeye.endpoint(PATH, config.build(), SockeyeServer::onConnection);
    }

    private static void onConnection(Connection connection) {
        connection.handshake().queryParameter("room").ifPresent(connection::join);
        connection.on("echo", String.class, text -> connection.emit("echo", text));
        connection.on("json", Move.class, move -> connection.emit("json", move));
    }

    @Override
    public SockeyeEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public int connections() {
        return endpoint.registry().count();
    }

    @Override
    public CompletionStage<Integer> clusterConnections() {
        return endpoint.registry().cluster().count().thenApply(answer -> answer.value());
    }

    @Override
    public CompletionStage<Void> emitToRoom(String room, String event, String text) {
        return endpoint.registry().to(Target.room(room)).emit(event, text);
    }

    @Override
    public CompletionStage<Void> emitToAll(String event, String text) {
        return endpoint.registry().to(Target.all()).emit(event, text);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
