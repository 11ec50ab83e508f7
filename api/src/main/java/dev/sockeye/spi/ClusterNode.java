package dev.sockeye.spi;

import java.util.Map;
import java.util.Set;

/**
 * The local side of a node, as a {@link ClusterBus} sees it: it delivers what other nodes emitted,
 * carries out commands addressed to local connections, and reports the local state. Implemented
 * by Sockeye; thread-safe.
 */
public interface ClusterNode {

    /** @return this node's ID, unique in the cluster */
    String id();

    /** Delivers an envelope from another node to the local connections its target names. */
    void deliver(ClusterEnvelope envelope);

    /** @return whether the local connection was found (and joined) */
    boolean join(String room, String connectionId);

    /** @return whether the local connection was found in the room (and left it) */
    boolean leave(String room, String connectionId);

    /** @return whether the local connection was found (and is being disconnected) */
    boolean disconnect(String connectionId);

    /** @return every local connection ID with its rooms (own ID room included); a snapshot */
    Map<String, Set<String>> localState();
}
