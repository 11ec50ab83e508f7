package dev.sockeye.spi;

/**
 * Creates buses from a URI found in the environment; found with {@link java.util.ServiceLoader}.
 * Implemented by bus modules such as {@code sockeye-cluster-redis}.
 */
public interface ClusterBusProvider {

    /** @return a bus for this URI, or {@code null} if the URI's scheme is not this provider's */
    ClusterBus create(String uri, String prefix, String endpointPath);
}
