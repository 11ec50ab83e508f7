package dev.sockeye;

/** A listener of a connection threw; the cause is what it threw. The connection stays open. */
public class ListenerException extends SockeyeException {
    private static final long serialVersionUID = 1L;

    public ListenerException(String message, Throwable cause) {
        super(message, cause);
    }
}
