package dev.sockeye.spi;

import dev.sockeye.Target;

import java.util.Objects;

/**
 * One emit travelling between nodes: who receives it and what, with the body already encoded (so a
 * receiving node frames it without running JSON-B again). Nothing in it belongs to one wire
 * protocol: each receiving node frames the body for each local recipient in that recipient's
 * protocol. Immutable; the body array is not copied and must not be changed.
 *
 * <p>A bus must carry every component: {@code excludedId} and {@code scope} narrow the recipients
 * on every node. Most emits have neither.
 *
 * @param origin     the ID of the node that emitted it
 * @param target     who receives it; evaluated on each node against its local connections
 * @param event      the event name, or {@code null} for a native message
 * @param kind       what the body is; {@link Kind#NATIVE} for a native message
 * @param body       the encoded body: UTF-8 text for every kind but {@link Kind#BYTES} and
 *                   {@link Kind#NATIVE}, which are raw bytes
 * @param excludedId a connection of the target that does not receive it, or {@code null} for none
 * @param scope      an opaque protocol scope a recipient must have to receive it (a neffos namespace
 *                   the recipient is connected to), or {@code null} for none; a bus only carries it
 */
public record ClusterEnvelope(String origin, Target target, String event, Kind kind, byte[] body, String excludedId,
                              String scope) {

    /** What an envelope's body is, whatever protocol its recipients speak. */
    public enum Kind {
        /** Text given as text. */
        TEXT,
        /** An integral number as decimal text. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** Raw bytes. */
        BYTES,
        /** JSON text. */
        JSON,
        /** The value {@code null}; the body is empty (each protocol writes it its own way). */
        NULL,
        /** A native message: bytes outside the event protocol, with no event name. */
        NATIVE
    }

    public ClusterEnvelope {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        if ((event == null) != (kind == Kind.NATIVE)) {
            throw new IllegalArgumentException("a native message has no event name, and every other kind has one");
        }
    }

    /** An envelope without exclusion or scope: every connection of the target receives it. */
    public ClusterEnvelope(String origin, Target target, String event, Kind kind, byte[] body) {
        this(origin, target, event, kind, body, null, null);
    }
}
