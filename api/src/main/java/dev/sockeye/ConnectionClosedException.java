package dev.sockeye;

/** A send or disconnect was asked of a connection that has already ended ("already disconnected"). */
public class ConnectionClosedException extends SockeyeException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String message) {
        super(message);
    }
}
