package dev.sockeye;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The registry of a whole cluster of nodes serving one endpoint (see
 * {@link ConnectionRegistry#cluster()}). On a single node without a cluster bus it answers from
 * the local registry at once, never partial.
 *
 * <p>Every query has a deadline ({@code queryTimeout} of the bus) and completes with what it has
 * instead of failing: {@link ClusterAnswer#partial()} tells. Nodes that stopped sending heartbeats
 * drop out of every answer. Commands addressed to a connection on another node are delivered at
 * most once; their stage says whether the connection was found.
 *
 * <p>Thread-safe; stages complete on the bus's threads: do not block in their callbacks.
 */
public interface ClusterView {

    /** @return the number of connections on every live node */
    CompletionStage<ClusterAnswer<Integer>> count();

    /** @return whether a connection with this ID is open on any live node */
    CompletionStage<ClusterAnswer<Boolean>> isConnected(String id);

    /** @return the IDs of the members of {@code room} on every live node */
    CompletionStage<ClusterAnswer<Set<String>>> members(String room);

    /** @return the rooms of the connection with this ID, wherever it lives (own ID room included) */
    CompletionStage<ClusterAnswer<Set<String>>> roomsOf(String id);

    /** Joins the connection, wherever it lives, to a room. @return whether the connection was found */
    CompletionStage<Boolean> join(String room, String id);

    /** Removes the connection, wherever it lives, from a room. @return whether the connection was found */
    CompletionStage<Boolean> leave(String room, String id);

    /** Disconnects the connection wherever it lives. @return whether the connection was found */
    CompletionStage<Boolean> disconnect(String id);
}
