package dev.sockeye.impl.cluster;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.route.Message;
import dev.sockeye.spi.ClusterBus;
import dev.sockeye.spi.ClusterEnvelope;
import dev.sockeye.spi.ClusterNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** This node as the cluster bus sees it: delivers remote emits to local connections and runs remote commands. */
public final class LocalClusterNode implements ClusterNode {

    private final String id;
    private final LocalRegistry registry;

    public LocalClusterNode(String id, LocalRegistry registry) {
        this.id = id;
        this.registry = registry;
    }

    /**
     * Joins a new endpoint's registry to the cluster that {@link Config#cluster()} names, if any:
     * its emits then go through a {@link ClusterRouter}, its membership changes and cluster view
     * through the bus, which is started here for a new node ID. Called once per registry, before the
     * endpoint is deployed.
     *
     * @param endpointPath the path nodes share their state under
     * @return the started bus, which the endpoint closes when it closes; {@code null} for a single node
     */
    public static ClusterBus join(String endpointPath, Config config, LocalRegistry registry) {
        ClusterBus bus = config.cluster().create(endpointPath);
        if (bus != null) {
            String nodeId = UUID.randomUUID().toString();
            registry.joinCluster(new ClusterRouter(nodeId, registry, bus), new BusMembership(bus), bus);
            bus.start(new LocalClusterNode(nodeId, registry));
        }
        return bus;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void deliver(ClusterEnvelope envelope) {
        Message message = Message.decoded(envelope.event(), envelope.kind(), envelope.body());
        registry.route(envelope.target(), message.excluding(envelope.excludedId()).inScope(envelope.scope()));
    }

    @Override
    public boolean join(String room, String connectionId) {
        boolean found = registry.isConnected(connectionId);
        if (found) {
            registry.join(room, connectionId);
        }
        return found;
    }

    @Override
    public boolean leave(String room, String connectionId) {
        return registry.leave(room, connectionId);
    }

    @Override
    public boolean disconnect(String connectionId) {
        boolean found = registry.isConnected(connectionId);
        if (found) {
            registry.disconnect(connectionId);
        }
        return found;
    }

    @Override
    public Map<String, Set<String>> localState() {
        Map<String, Set<String>> state = new LinkedHashMap<>();
        for (Connection connection : registry.connections()) {
            state.put(connection.id(), connection.rooms());
        }
        return state;
    }
}
