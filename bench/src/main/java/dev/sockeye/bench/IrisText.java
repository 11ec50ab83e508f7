package dev.sockeye.bench;

/**
 * The Iris event frame written and read by hand, as an application on plain Jakarta WebSocket
 * would: {@code <prefix><event>;<type>;<payload>}. The raw endpoint, the load generator and the
 * raw side of the micro-benchmarks use it; Sockeye uses its own codec.
 */
public final class IrisText {

    /** Sockeye's default prefix, which the raw endpoint speaks too. */
    public static final String PREFIX = "iris-websocket-message:";

    private IrisText() {
    }

    /** @return the frame of an event */
    public static String frame(String event, int type, String payload) {
        return PREFIX + event + ';' + type + ';' + payload;
    }

    /** @return the event name of an event frame, or {@code null} if it is not one */
    public static String event(String frame) {
        if (!frame.startsWith(PREFIX)) {
            return null;
        }
        int end = frame.indexOf(';', PREFIX.length());
        return end < 0 ? null : frame.substring(PREFIX.length(), end);
    }

    /** @return the payload of an event frame whose event name is {@code event}: everything after the type */
    public static String payload(String frame, String event) {
        return frame.substring(PREFIX.length() + event.length() + 3);
    }

    /** @return whether {@code frame} is an event frame of {@code event} (compared without allocating) */
    public static boolean isEvent(String frame, String event) {
        return frame.startsWith(PREFIX) && frame.startsWith(event, PREFIX.length())
                && frame.length() > PREFIX.length() + event.length()
                && frame.charAt(PREFIX.length() + event.length()) == ';';
    }
}
