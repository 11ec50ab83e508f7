package dev.sockeye.impl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One frame received from a client, as {@link IrisCodec#decode(String)} understood it: either a
 * {@link Native native message} or an {@link Event event}.
 *
 * <p>Every implementation is immutable and safe to share between threads; byte arrays are copied
 * in and out, so no caller can change a message another listener sees.
 */
public sealed interface InboundMessage permits InboundMessage.Native, InboundMessage.Event {

    /**
     * A frame that did not start with the event prefix; it goes to {@code OnMessage} listeners
     * unchanged.
     *
     * @param bytes the frame's bytes (the UTF-8 encoding of a text frame); not {@code null}.
     *              The constructor and the accessor copy the array.
     */
    record Native(byte[] bytes) implements InboundMessage {

        public Native {
            bytes = bytes.clone();
        }

        /** @return a fresh copy of the frame's bytes */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Native that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Native[" + bytes.length + " bytes]";
        }
    }

    /**
     * An event frame {@code <prefix><event>;<type>;<payload>}.
     *
     * @param event   the event name; not {@code null}, not empty, without {@code ';'}
     * @param type    the type digit the client sent, 0 to 4 (a hint: the listener's declared type
     *                decides how the payload is decoded)
     * @param payload everything after the second {@code ';'}; not {@code null}, possibly empty
     */
    record Event(String event, int type, Payload payload) implements InboundMessage {

        /** Type digit of a string payload. */
        static final int STRING = 0;
        /** Type digit of an integer payload (the Iris client also uses it for any number and for booleans). */
        static final int INT = 1;
        /** Type digit of a boolean payload. */
        static final int BOOL = 2;
        /** Type digit of a raw bytes payload. */
        static final int BYTES = 3;
        /** Type digit of a JSON payload. */
        static final int JSON = 4;

        public Event {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(payload, "payload");
            if (event.isEmpty() || event.indexOf(';') >= 0) {
                throw new IllegalArgumentException("event name must be non-empty and contain no ';': '"
                        + Excerpt.of(event) + "'");
            }
            if (type < STRING || type > JSON) {
                throw new IllegalArgumentException("type digit must be 0 to 4: " + type);
            }
        }
    }

    /**
     * The payload of an event: the raw bytes of a binary frame or the text of a text frame, with
     * the other form computed on first use and cached.
     *
     * <p>Immutable and thread-safe. {@link #bytes()} returns a fresh copy on every call.
     * Two payloads are equal when their UTF-8 bytes are equal.
     */
    final class Payload {

        private static final Payload EMPTY = new Payload("", new byte[0]);

        /** The text, or how the bytes decode; {@code null} until first needed. */
        private volatile Decoded decoded;
        /** The raw bytes, or the UTF-8 of the text; {@code null} until first needed. */
        private volatile byte[] bytes;

        private Payload(String text, byte[] bytes) {
            this.decoded = text == null ? null : new Decoded(text, true);
            this.bytes = bytes;
        }

        /**
         * A payload received as text.
         *
         * @param text the text; not {@code null}
         */
        public static Payload ofText(String text) {
            return text.isEmpty() ? EMPTY : new Payload(text, null);
        }

        /**
         * A payload received as raw bytes.
         *
         * @param bytes the bytes; not {@code null}; copied
         */
        public static Payload ofBytes(byte[] bytes) {
            return bytes.length == 0 ? EMPTY : new Payload(null, bytes.clone());
        }

        /** Takes ownership of {@code bytes} without copying; for the codec's own fresh arrays. */
        static Payload owning(byte[] bytes) {
            return bytes.length == 0 ? EMPTY : new Payload(null, bytes);
        }

        /**
         * @return the payload as text: as received for a text frame, or the UTF-8 decoding of the
         *         raw bytes of a binary frame, malformed sequences replaced by U+FFFD
         */
        public String text() {
            return decoded().text;
        }

        /** @return a fresh copy of the payload's bytes: as received, or the UTF-8 encoding of the text */
        public byte[] bytes() {
            return rawBytes().clone();
        }

        /** @return whether the payload has no bytes ({@code Emit("evt")} sends an empty payload) */
        public boolean isEmpty() {
            return this == EMPTY; // the factories map every empty payload to EMPTY
        }

        /**
         * @return the text, or {@code null} if the payload came as bytes that are not well-formed
         *         UTF-8, so that any text would lose data
         */
        String strictText() {
            Decoded d = decoded();
            return d.wellFormed ? d.text : null;
        }

        private Decoded decoded() {
            Decoded d = decoded;
            if (d == null) {
                // Benign race: two threads may both decode; the results are equal.
                byte[] raw = bytes;
                String strict = Utf8.decodeStrict(raw);
                d = strict != null ? new Decoded(strict, true)
                        : new Decoded(new String(raw, StandardCharsets.UTF_8), false);
                decoded = d;
            }
            return d;
        }

        private byte[] rawBytes() {
            byte[] b = bytes;
            if (b == null) {
                b = decoded.text.getBytes(StandardCharsets.UTF_8);
                bytes = b;
            }
            return b;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Payload that && Arrays.equals(rawBytes(), that.rawBytes());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rawBytes());
        }

        @Override
        public String toString() {
            return "Payload['" + Excerpt.of(text()) + "']";
        }

        private record Decoded(String text, boolean wellFormed) {
        }
    }
}
