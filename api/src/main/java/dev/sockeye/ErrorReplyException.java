package dev.sockeye;

/**
 * The peer answered with an error (a neffos message with {@code isError = 1}): a client handler
 * returned an {@code Error}, or refused a server-initiated namespace connect or room join. The
 * message is the peer's error text.
 */
public class ErrorReplyException extends SockeyeException {
    private static final long serialVersionUID = 1L;

    public ErrorReplyException(String errorText) {
        super(errorText);
    }
}
