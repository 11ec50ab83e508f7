package dev.sockeye;

import java.lang.reflect.Type;

/**
 * A payload could not be decoded into the type its listener declared. The listener is not called;
 * the connection stays open. The message names the event and the expected type.
 */
public class PayloadDecodeException extends SockeyeException {
    private static final long serialVersionUID = 1L;

    private final String event;
    private final transient Type expectedType;

    public PayloadDecodeException(String event, Type expectedType, String detail, Throwable cause) {
        super("cannot decode the payload of event '" + event + "' as " + expectedType.getTypeName()
                + ": " + detail, cause);
        this.event = event;
        this.expectedType = expectedType;
    }

    /** @return the event whose payload failed */
    public String event() {
        return event;
    }

    /** @return the type the listener declared */
    public Type expectedType() {
        return expectedType;
    }
}
