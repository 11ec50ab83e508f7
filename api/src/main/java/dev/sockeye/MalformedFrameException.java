package dev.sockeye;

/**
 * A frame started with the event prefix but is not a valid event frame
 * ({@code <prefix><event>;<digit>;<payload>}). The frame is dropped; the connection stays open.
 */
public class MalformedFrameException extends SockeyeException {
    private static final long serialVersionUID = 1L;

    public MalformedFrameException(String message) {
        super(message);
    }
}
