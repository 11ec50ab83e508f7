package dev.sockeye.impl.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The UTF-8 helpers of every protocol and of the size checks. Stateless and thread-safe. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The number of bytes {@code text.getBytes(UTF_8)} would produce, without encoding. A lone
     * surrogate counts as one byte because the JDK encoder replaces it with {@code '?'}.
     */
    public static int encodedLength(CharSequence text) {
        int length = text.length();
        int bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Decodes bytes that must be well-formed UTF-8.
     *
     * @return the text, or {@code null} if the bytes are not well-formed UTF-8 (then no text
     *         could round-trip to the same bytes)
     */
    public static String decodeStrict(ByteBuffer bytes) {
        try {
            // A new decoder per call: CharsetDecoder is stateful and not thread-safe.
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.duplicate());
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** @see #decodeStrict(ByteBuffer) */
    public static String decodeStrict(byte[] bytes) {
        return decodeStrict(ByteBuffer.wrap(bytes));
    }
}
