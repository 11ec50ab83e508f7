package dev.sockeye.spi;

import java.util.ServiceLoader;

/** {@link ClusterBus.Factory#fromEnvironment()}: finds a provider for the configured bus URI. */
final class EnvironmentClusterFactory implements ClusterBus.Factory {

    static final EnvironmentClusterFactory INSTANCE = new EnvironmentClusterFactory();

    private EnvironmentClusterFactory() {
    }

    @Override
    public ClusterBus create(String endpointPath) {
        String uri = setting("sockeye.cluster.redis.uri", "SOCKEYE_CLUSTER_REDIS_URI");
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String prefix = setting("sockeye.cluster.prefix", "SOCKEYE_CLUSTER_PREFIX");
        for (ClusterBusProvider provider : ServiceLoader.load(ClusterBusProvider.class,
                EnvironmentClusterFactory.class.getClassLoader())) {
            ClusterBus bus = provider.create(uri, prefix == null || prefix.isBlank() ? "sockeye" : prefix, endpointPath);
            if (bus != null) {
                return bus;
            }
        }
        throw new IllegalStateException("a cluster bus is configured (" + uri
                + ") but no provider is on the class path: add dev.sockeye:sockeye-cluster-redis");
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(variable);
    }

    @Override
    public String toString() {
        return "ClusterBus.Factory.fromEnvironment()";
    }
}
