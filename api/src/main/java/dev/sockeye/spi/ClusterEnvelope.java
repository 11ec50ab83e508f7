package dev.sockeye.spi;

import dev.sockeye.Target;

import java.util.Objects;

/**
 * One emit travelling between nodes: who receives it and what, with the body already encoded (so a
 * receiving node frames it without running JSON-B again). Immutable; the body array is not copied
 * and must not be changed.
 *
 * @param origin the ID of the node that emitted it
 * @param target who receives it; evaluated on each node against its local connections
 * @param event  the event name, or {@code null} for a native message
 * @param type   the Iris type digit (0 to 4), -1 for a native message
 * @param body   the encoded body: UTF-8 text for types 0, 1, 2 and 4, raw bytes for type 3 and native messages
 */
public record ClusterEnvelope(String origin, Target target, String event, int type, byte[] body) {

    public ClusterEnvelope {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
    }
}
