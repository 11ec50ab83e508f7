package dev.sockeye.spi;

import dev.sockeye.ClusterView;

/**
 * Carries emits and registry commands between the nodes that serve one endpoint, over an existing
 * message bus (the {@code sockeye-cluster-redis} module provides Redis). Sockeye delivers to local
 * connections itself and hands the bus only what other nodes may need.
 *
 * <p>Contract: {@link #publish} and the membership notifications never block and never throw; when
 * the bus is unreachable they count the loss and return (delivery across nodes is at most once).
 * A bus uses a constant number of network connections per node, whatever the number of WebSocket
 * connections. Implementations are thread-safe.
 */
public interface ClusterBus extends ClusterView, AutoCloseable {

    /** Starts the bus for this node; called once, before anything else. */
    void start(ClusterNode node);

    /** Sends an envelope to the other nodes that may have recipients for it. */
    void publish(ClusterEnvelope envelope);

    /** A local connection opened (it is already in its own ID room). */
    void connected(String connectionId);

    /** A local connection joined a room. */
    void joined(String room, String connectionId);

    /** A local connection left a room. */
    void left(String room, String connectionId);

    /** A local connection ended (after leaving its rooms). */
    void disconnected(String connectionId);

    /** @return publishes and notifications lost because the bus was unreachable, since start */
    long dropped();

    /** Stops the bus and removes this node's state from it. Idempotent. */
    @Override
    void close();

    /** Creates the bus of one endpoint; {@link dev.sockeye.Config#cluster()} holds one. */
    @FunctionalInterface
    interface Factory {

        /**
         * @param endpointPath the endpoint's path: nodes share state per endpoint path
         * @return a new, not yet started bus, or {@code null} for a single node without a bus
         */
        ClusterBus create(String endpointPath);

        /** No bus: every node is on its own. */
        static Factory none() {
            return path -> null;
        }

        /**
         * The default: a bus configured by the environment. When the system property
         * {@code sockeye.cluster.redis.uri} or the environment variable
         * {@code SOCKEYE_CLUSTER_REDIS_URI} is set (and {@code sockeye-cluster-redis} is on the
         * class path), that Redis; otherwise none. The optional {@code sockeye.cluster.prefix} /
         * {@code SOCKEYE_CLUSTER_PREFIX} names the application, so that several share one Redis.
         */
        static Factory fromEnvironment() {
            return EnvironmentClusterFactory.INSTANCE;
        }
    }
}
