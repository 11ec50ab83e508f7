package dev.sockeye;

/** What happens when a connection's outbound queue would exceed {@link Config#maxQueuedBytes()}. */
public enum OverflowPolicy {
    /**
     * The slow connection is closed with code 1008 (policy violation) and its disconnect events run;
     * the frame that overflowed and everything still queued fail with {@link OutboundOverflowException}.
     * The default: a client that cannot keep up learns it and can reconnect.
     */
    CLOSE,
    /** The frame that overflowed is dropped (its stage fails with {@link OutboundOverflowException}); the connection stays open. */
    DROP
}
