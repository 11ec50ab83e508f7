package dev.sockeye;

import java.util.Set;

/**
 * The answer to a cluster-wide query. When a node or the message bus did not answer before the
 * query's deadline the answer still comes, with what was known, and says so: {@link #partial()}.
 *
 * @param value   the answer
 * @param partial {@code true} if some node's part is missing (bus unreachable or too slow)
 * @param nodes   the IDs of the nodes whose state the answer includes
 * @param <T>     the answer's type
 */
public record ClusterAnswer<T>(T value, boolean partial, Set<String> nodes) {

    public ClusterAnswer {
        nodes = Set.copyOf(nodes);
    }
}
