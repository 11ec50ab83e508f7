package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.MalformedFrameException;
import dev.sockeye.impl.codec.InboundMessage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The neffos wire format (spec §2.2): parsing of incoming frames and the text of message headers.
 * Stateless; every method is thread-safe.
 *
 * <p>A message is {@code <wait>;<namespace>;<room>;<event>;<isError>;<isNoOp>;<body>}: split on the
 * first six {@code ';'}, so the body may contain {@code ';'}; in namespace, room and event a
 * literal {@code ';'} is written {@value #ESCAPED_SEPARATOR}. Flags are {@code 1} for true and
 * {@code 0} or empty (the empty reply {@code <wait>;;;;;;}) for false; anything else is malformed,
 * unless native messages are on: then a frame that is not a valid message (fewer than seven fields,
 * other flags, a binary header that is not UTF-8) is a native message. (Go neffos reads every flag
 * but {@code 1} as false, so it never calls such a frame malformed, but dispatches it as an event.)
 */
final class NeffosWire {

    static final char SEPARATOR = ';';
    static final String ESCAPED_SEPARATOR = "@%!semicolon@%!";
    static final String CLIENT_WAIT_PREFIX = "$";
    /** The client's first frame. */
    static final String ACK_REQUEST = "M";
    /** Prefix of the server's acknowledgement, followed by the connection ID. */
    static final String ACK_ID = "A";
    /** Prefix of the server's refusal, followed by the error text. */
    static final String ACK_REFUSED = "H";
    /** The known error text (spec §2.2) of the reply to a client ask that is not a valid message. */
    static final String INVALID_PAYLOAD = "invalid payload";
    private static final int FIELDS = 7;

    private NeffosWire() {
    }

    /** @return {@code field} with every {@code ';'} escaped */
    static String escape(String field) {
        return field.indexOf(SEPARATOR) < 0 ? field : field.replace(";", ESCAPED_SEPARATOR);
    }

    /** @return {@code field} with every escaped separator turned back into {@code ';'} */
    static String unescape(String field) {
        return field.contains(ESCAPED_SEPARATOR) ? field.replace(ESCAPED_SEPARATOR, ";") : field;
    }

    /** @return the header of a message, up to and including the sixth separator */
    static String header(String wait, String namespace, String room, String event, boolean error, boolean noOp) {
        return wait + SEPARATOR + escape(namespace) + SEPARATOR + escape(room) + SEPARATOR + escape(event)
                + SEPARATOR + (error ? '1' : '0') + SEPARATOR + (noOp ? '1' : '0') + SEPARATOR;
    }

    /** @return the empty reply to a wait: the wait and six separators */
    static String emptyReply(String wait) {
        return wait + ";;;;;;";
    }

    /**
     * @return the error reply to a malformed text frame that still shows a client's wait ({@code $...}
     *         before its first {@code ';'}), so that the client's ask fails instead of waiting forever:
     *         {@code <wait>;<namespace>;<room>;<event>;1;0;invalid payload} with the fields as they came,
     *         or with empty ones when the frame has fewer than seven fields; {@code null} when there is no
     *         wait to answer
     */
    static String invalidPayloadReply(String text) {
        int waitEnd = text.indexOf(SEPARATOR);
        if (!text.startsWith(CLIENT_WAIT_PREFIX) || waitEnd < 0) {
            return null;
        }
        int[] at = separators(text);
        String address = at != null ? text.substring(0, at[3]) : text.substring(0, waitEnd) + ";;;";
        return address + ";1;0;" + INVALID_PAYLOAD;
    }

    /**
     * As {@link #invalidPayloadReply(String)} for a binary frame, whose header is read as UTF-8 (bytes
     * that are not become replacement characters). The buffer is not retained and its position is
     * not moved.
     */
    static String invalidPayloadReply(ByteBuffer frame) {
        ByteBuffer bytes = frame.duplicate();
        int found = 0;
        int end = bytes.limit();
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            if (bytes.get(i) == SEPARATOR && ++found == FIELDS - 1) {
                end = i + 1;
                break;
            }
        }
        return invalidPayloadReply(StandardCharsets.UTF_8.decode(bytes.limit(end)).toString());
    }

    /**
     * Parses a text frame.
     *
     * @param allowNative whether a frame that is not a valid message is a native message
     * @throws MalformedFrameException if it is not a message (and native messages are off): fewer than seven
     *         fields, or a bad flag
     */
    static NeffosFrame parse(String text, boolean allowNative) {
        int[] separators = separators(text);
        if (separators == null || allowNative && !hasValidFlags(text, separators)) {
            if (allowNative) {
                return new NeffosFrame.Native(InboundMessage.Payload.ofText(text), false);
            }
            throw tooFewFields(countSeparators(text));
        }
        return event(text, separators, InboundMessage.Payload.ofText(text.substring(separators[5] + 1)), false);
    }

    /**
     * Parses a binary frame: the header as UTF-8 text, the body as raw bytes. The buffer is not
     * retained and its position is not moved.
     *
     * @throws MalformedFrameException as {@link #parse(String, boolean)}, and for a header that is not UTF-8
     *         (when native messages are off)
     */
    static NeffosFrame parse(ByteBuffer frame, boolean allowNative) {
        ByteBuffer bytes = frame.duplicate();
        int start = bytes.position();
        int found = 0;
        int end = -1;
        for (int i = start; i < bytes.limit() && found < FIELDS - 1; i++) {
            if (bytes.get(i) == SEPARATOR) {
                found++;
                end = i;
            }
        }
        if (found < FIELDS - 1) {
            if (allowNative) {
                return new NeffosFrame.Native(InboundMessage.Payload.ofBytes(remaining(bytes)), true);
            }
            throw tooFewFields(found);
        }
        String header;
        try {
            header = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.duplicate().position(start).limit(end + 1)).toString();
        } catch (CharacterCodingException e) {
            if (allowNative) {
                return new NeffosFrame.Native(InboundMessage.Payload.ofBytes(remaining(bytes)), true);
            }
            throw new MalformedFrameException("the header of a binary neffos message is not valid UTF-8");
        }
        int[] separators = separators(header);
        if (allowNative && !hasValidFlags(header, separators)) {
            return new NeffosFrame.Native(InboundMessage.Payload.ofBytes(remaining(bytes)), true);
        }
        byte[] body = remaining(bytes.position(end + 1));
        return event(header, separators, InboundMessage.Payload.ofBytes(body), true);
    }

    private static NeffosFrame.Event event(String text, int[] at, InboundMessage.Payload body, boolean binary) {
        String wait = text.substring(0, at[0]);
        String namespace = unescape(text.substring(at[0] + 1, at[1]));
        String room = unescape(text.substring(at[1] + 1, at[2]));
        String event = unescape(text.substring(at[2] + 1, at[3]));
        boolean error = flag("isError", text.substring(at[3] + 1, at[4]));
        boolean noOp = flag("isNoOp", text.substring(at[4] + 1, at[5]));
        return new NeffosFrame.Event(wait, namespace, room, event, error, noOp, body, binary);
    }

    private static boolean hasValidFlags(String text, int[] at) {
        return isFlag(text, at[3] + 1, at[4]) && isFlag(text, at[4] + 1, at[5]);
    }

    private static boolean isFlag(String text, int from, int to) {
        return to == from || to == from + 1 && (text.charAt(from) == '0' || text.charAt(from) == '1');
    }

    private static boolean flag(String name, String value) {
        if (value.isEmpty() || value.equals("0")) {
            return false;
        }
        if (value.equals("1")) {
            return true;
        }
        throw new MalformedFrameException("the " + name + " field of a neffos message must be 0 or 1, not '"
                + (value.length() > 16 ? value.substring(0, 16) + "..." : value) + "'");
    }

    /** @return the indexes of the first six separators, or {@code null} if there are fewer */
    private static int[] separators(String text) {
        int[] at = new int[FIELDS - 1];
        int from = 0;
        for (int i = 0; i < at.length; i++) {
            int index = text.indexOf(SEPARATOR, from);
            if (index < 0) {
                return null;
            }
            at[i] = index;
            from = index + 1;
        }
        return at;
    }

    private static int countSeparators(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == SEPARATOR) {
                count++;
            }
        }
        return count;
    }

    private static MalformedFrameException tooFewFields(int separators) {
        return new MalformedFrameException("a neffos message has " + FIELDS + " fields separated by ';' "
                + "(<wait>;<namespace>;<room>;<event>;<isError>;<isNoOp>;<body>); this frame has "
                + (separators + 1) + " and the endpoint has no native message handler");
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
