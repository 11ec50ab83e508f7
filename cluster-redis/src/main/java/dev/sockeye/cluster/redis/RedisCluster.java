package dev.sockeye.cluster.redis;

import dev.sockeye.spi.ClusterBus;

import java.time.Duration;
import java.util.Objects;

/**
 * Configures a Redis cluster bus for {@link dev.sockeye.Config.Builder#cluster}:
 * <pre>{@code
 * Config config = Config.builder()
 *         .cluster(RedisCluster.uri("redis://127.0.0.1:6379").prefix("chat").factory())
 *         .build();
 * }</pre>
 * Without code, set the system property {@code sockeye.cluster.redis.uri} (or the environment
 * variable {@code SOCKEYE_CLUSTER_REDIS_URI}) and optionally {@code sockeye.cluster.prefix}: the
 * default {@code Config} picks them up.
 *
 * @param uri          the Redis URI ({@code redis://host:port[/db]}, {@code rediss://} for TLS)
 * @param prefix       the application's name in Redis, {@code [A-Za-z0-9_.-]+}; default {@code sockeye}.
 *                     Applications sharing one Redis use different prefixes
 * @param queryTimeout the deadline of every cluster query; default 2 s
 * @param heartbeat    how often a node refreshes its liveness; a node silent for 3.5 heartbeats
 *                     (7 s by default) drops out of every answer. Default 2 s
 */
public record RedisCluster(String uri, String prefix, Duration queryTimeout, Duration heartbeat) {

    public RedisCluster {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("prefix must match [A-Za-z0-9_.-]+: " + prefix);
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("queryTimeout must be positive: " + queryTimeout);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive: " + heartbeat);
        }
    }

    /** @return the settings for this URI with the defaults */
    public static RedisCluster uri(String uri) {
        return new RedisCluster(uri, "sockeye", Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** @return these settings with another prefix */
    public RedisCluster prefix(String prefix) {
        return new RedisCluster(uri, prefix, queryTimeout, heartbeat);
    }

    /** @return these settings with another query deadline */
    public RedisCluster queryTimeout(Duration timeout) {
        return new RedisCluster(uri, prefix, timeout, heartbeat);
    }

    /** @return these settings with another heartbeat period */
    public RedisCluster heartbeat(Duration period) {
        return new RedisCluster(uri, prefix, queryTimeout, period);
    }

    /** @return the factory to put in the endpoint's configuration */
    public ClusterBus.Factory factory() {
        return path -> new RedisClusterBus(this, path);
    }
}
