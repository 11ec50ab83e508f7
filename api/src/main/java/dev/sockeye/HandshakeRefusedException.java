package dev.sockeye;

/**
 * Refuses a handshake with an HTTP status, from a {@link dev.sockeye.spi.HandshakeAuthorizer} or an
 * {@link dev.sockeye.spi.IdGenerator}. The client receives the status instead of an upgrade.
 */
public class HandshakeRefusedException extends SockeyeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status an HTTP error status, 400 to 599
     * @param reason why, for logs and the {@link HandshakeErrorListener}; never sent to the client
     */
    public HandshakeRefusedException(int status, String reason) {
        super(reason);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refusal needs an HTTP error status (400-599): " + status);
        }
        this.status = status;
    }

    /** @return the HTTP status the client receives */
    public int status() {
        return status;
    }
}
