package dev.sockeye.impl.codec;

import dev.sockeye.MalformedFrameException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Splits incoming frames into native messages and {@code <prefix><event>;<type>;<payload>} event
 * frames. Immutable and thread-safe.
 *
 * <p>Binary frames are parsed at byte level: {@code ';'} (0x3B) never occurs inside a multi-byte
 * UTF-8 sequence, so the separators can be found without decoding, and the payload bytes are kept
 * exactly as received.
 */
final class IrisFrameParser {

    private static final String EXPECTED = "expected <prefix><event>;<type digit 0-4>;<payload>";

    private final String prefix;
    private final byte[] prefixBytes;

    IrisFrameParser(String prefix) {
        this.prefix = prefix;
        this.prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
    }

    InboundMessage parse(String frame) {
        if (!frame.startsWith(prefix)) {
            return new InboundMessage.Native(frame.getBytes(StandardCharsets.UTF_8));
        }
        int start = prefix.length();
        int end = frame.length();
        if (start == end) {
            throw prefixOnly();
        }
        int eventEnd = frame.indexOf(';', start);
        if (eventEnd < 0) {
            throw noEventSeparator(frame.substring(start));
        }
        if (eventEnd == start) {
            throw emptyEvent(frame.substring(start));
        }
        String event = frame.substring(start, eventEnd);
        int typeEnd = frame.indexOf(';', eventEnd + 1);
        if (typeEnd < 0) {
            throw noTypeSeparator(event);
        }
        int type = typeDigit(event, frame.substring(eventEnd + 1, typeEnd));
        return new InboundMessage.Event(event, type, InboundMessage.Payload.ofText(frame.substring(typeEnd + 1)));
    }

    InboundMessage parse(ByteBuffer frame) {
        int start = frame.position();
        int end = frame.limit();
        if (!startsWithPrefix(frame, start, end)) {
            byte[] bytes = new byte[end - start];
            frame.get(start, bytes);
            return new InboundMessage.Native(bytes);
        }
        int eventStart = start + prefixBytes.length;
        if (eventStart == end) {
            throw prefixOnly();
        }
        int eventEnd = indexOfSemicolon(frame, eventStart, end);
        if (eventEnd < 0) {
            throw noEventSeparator(lenient(frame, eventStart, end));
        }
        if (eventEnd == eventStart) {
            throw emptyEvent(lenient(frame, eventStart, end));
        }
        String event = Utf8.decodeStrict(frame.slice(eventStart, eventEnd - eventStart));
        if (event == null) {
            throw new MalformedFrameException("the event name is not valid UTF-8 in event frame '"
                    + Excerpt.of(lenient(frame, eventStart, eventEnd)) + "'");
        }
        int typeEnd = indexOfSemicolon(frame, eventEnd + 1, end);
        if (typeEnd < 0) {
            throw noTypeSeparator(event);
        }
        int type = typeDigit(event, lenient(frame, eventEnd + 1, typeEnd));
        byte[] payload = new byte[end - typeEnd - 1];
        frame.get(typeEnd + 1, payload);
        return new InboundMessage.Event(event, type, InboundMessage.Payload.owning(payload));
    }

    private boolean startsWithPrefix(ByteBuffer frame, int start, int end) {
        if (end - start < prefixBytes.length) {
            return false;
        }
        for (int i = 0; i < prefixBytes.length; i++) {
            if (frame.get(start + i) != prefixBytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfSemicolon(ByteBuffer frame, int from, int end) {
        for (int i = from; i < end; i++) {
            if (frame.get(i) == ';') {
                return i;
            }
        }
        return -1;
    }

    /** Text for error messages only. */
    private static String lenient(ByteBuffer frame, int from, int to) {
        byte[] bytes = new byte[Math.min(to - from, Excerpt.MAX_LENGTH * 4)];
        frame.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int typeDigit(String event, String field) {
        if (field.length() == 1 && field.charAt(0) >= '0' && field.charAt(0) <= '4') {
            return field.charAt(0) - '0';
        }
        if (field.isEmpty()) {
            throw new MalformedFrameException("missing type digit in event frame '" + Excerpt.of(event)
                    + "'; " + EXPECTED);
        }
        throw new MalformedFrameException("bad type digit '" + Excerpt.of(field) + "' in event frame '"
                + Excerpt.of(event) + "'; " + EXPECTED);
    }

    private MalformedFrameException prefixOnly() {
        return new MalformedFrameException("the event frame is only the prefix '" + Excerpt.of(prefix) + "'; "
                + EXPECTED);
    }

    private static MalformedFrameException noEventSeparator(String afterPrefix) {
        return new MalformedFrameException("no ';' after the event name in event frame '"
                + Excerpt.of(afterPrefix) + "'; " + EXPECTED);
    }

    private static MalformedFrameException emptyEvent(String afterPrefix) {
        return new MalformedFrameException("empty event name in event frame '" + Excerpt.of(afterPrefix)
                + "'; " + EXPECTED);
    }

    private static MalformedFrameException noTypeSeparator(String event) {
        return new MalformedFrameException("no ';' after the type digit in event frame '" + Excerpt.of(event)
                + "'; " + EXPECTED);
    }
}
