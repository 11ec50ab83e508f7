package dev.sockeye.spi;

import dev.sockeye.Target;

import java.util.Objects;

/**
 * One emit travelling between nodes: who receives it and what, with the body already encoded (so a
 * receiving node frames it without running JSON-B again). Immutable; the body array is not copied
 * and must not be changed.
 *
 * <p>A bus must carry {@code excludedId} and {@code namespace} along with the rest: they narrow the
 * recipients on every node. Most emits have neither.
 *
 * @param origin     the ID of the node that emitted it
 * @param target     who receives it; evaluated on each node against its local connections
 * @param event      the event name, or {@code null} for a native message
 * @param type       the Iris type digit (0 to 4), -1 for a native message
 * @param body       the encoded body: UTF-8 text for types 0, 1, 2 and 4, raw bytes for type 3 and native messages
 * @param excludedId a connection of the target that does not receive it (a neffos {@code room.others()} or a
 *                   namespace's {@code allExcept}), or {@code null} for none
 * @param namespace  the neffos namespace a recipient must be connected to, which it is framed in (a namespace's
 *                   emit to one connection), or {@code null} for none
 */
public record ClusterEnvelope(String origin, Target target, String event, int type, byte[] body, String excludedId,
                              String namespace) {

    public ClusterEnvelope {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
    }

    /** An envelope without exclusion or namespace: every connection of the target receives it. */
    public ClusterEnvelope(String origin, Target target, String event, int type, byte[] body) {
        this(origin, target, event, type, body, null, null);
    }
}
