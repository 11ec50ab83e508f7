package dev.sockeye;

/**
 * A connection's outbound queue went past {@link Config#maxQueuedBytes()}: the peer reads slower
 * than the server writes. With the default policy the connection is closed (code 1008).
 */
public class OutboundOverflowException extends SockeyeException {
    private static final long serialVersionUID = 1L;

    public OutboundOverflowException(String message) {
        super(message);
    }
}
