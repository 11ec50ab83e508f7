package dev.sockeye;

/** The base of every exception Sockeye reports. Unchecked; it reaches error listeners or fails a stage. */
public class SockeyeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SockeyeException(String message) {
        super(message);
    }

    public SockeyeException(String message, Throwable cause) {
        super(message, cause);
    }
}
