package dev.sockeye.impl.cluster;

import dev.sockeye.Target;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.route.Router;
import dev.sockeye.spi.ClusterBus;
import dev.sockeye.spi.ClusterEnvelope;

import java.util.concurrent.CompletionStage;

/**
 * Routes an emit on a node of a cluster: delivers to the local connections at once (a slow or
 * unreachable bus never delays them), then hands the bus what other nodes may need, with the
 * message's scopes (excluded connection, namespace). A message to a connection that lives on this
 * node never leaves it.
 */
public final class ClusterRouter implements Router {

    private final String nodeId;
    private final LocalRegistry local;
    private final ClusterBus bus;

    public ClusterRouter(String nodeId, LocalRegistry local, ClusterBus bus) {
        this.nodeId = nodeId;
        this.local = local;
        this.bus = bus;
    }

    @Override
    public CompletionStage<Void> route(Target target, Message message) {
        CompletionStage<Void> delivered = local.route(target, message);
        if (!(target instanceof Target.ToConnection one && local.isConnected(one.id()))) {
            bus.publish(new ClusterEnvelope(nodeId, target, message.event(), message.kind(), message.bodyBytes(),
                    message.excludedId(), message.scope()));
        }
        return delivered;
    }
}
