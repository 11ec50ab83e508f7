package dev.sockeye.cluster.redis;

import dev.sockeye.spi.ClusterBus;
import dev.sockeye.spi.ClusterBusProvider;

/** Makes {@code redis://} and {@code rediss://} URIs from the environment work (ServiceLoader). */
public final class RedisClusterBusProvider implements ClusterBusProvider {

    @Override
    public ClusterBus create(String uri, String prefix, String endpointPath) {
        if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            return null;
        }
        return new RedisClusterBus(RedisCluster.uri(uri).prefix(prefix), endpointPath);
    }
}
