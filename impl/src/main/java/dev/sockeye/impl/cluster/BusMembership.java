package dev.sockeye.impl.cluster;

import dev.sockeye.impl.registry.MembershipListener;
import dev.sockeye.spi.ClusterBus;

/** Mirrors local membership changes to the cluster bus. */
public record BusMembership(ClusterBus bus) implements MembershipListener {

    @Override
    public void connected(String id) {
        bus.connected(id);
    }

    @Override
    public void joined(String room, String id) {
        bus.joined(room, id);
    }

    @Override
    public void left(String room, String id) {
        bus.left(room, id);
    }

    @Override
    public void disconnected(String id) {
        bus.disconnected(id);
    }
}
