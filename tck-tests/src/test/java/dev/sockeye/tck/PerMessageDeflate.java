package dev.sockeye.tck;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * permessage-deflate (RFC 7692) by hand, for the {@link RawWebSocket} tests of compression: the
 * payload of one compressed message without context takeover, and back.
 */
public final class PerMessageDeflate {

    private PerMessageDeflate() {
    }

    /** @return {@code bytes} compressed as one permessage-deflate message */
    public static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] flushed = deflateAndFlush(deflater, bytes);
        deflater.end();
        return withoutTail(flushed);
    }

    /** @return what {@code deflater} makes of {@code input}, ended by a sync flush */
    public static byte[] deflateAndFlush(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** @return {@code flushed} without the {@code 00 00 ff ff} a sync flush ends with, which RFC 7692 leaves out */
    public static byte[] withoutTail(byte[] flushed) {
        int n = flushed.length;
        assertTrue(n >= 4 && flushed[n - 4] == 0 && flushed[n - 3] == 0 && flushed[n - 2] == (byte) 0xff
                && flushed[n - 1] == (byte) 0xff, "a sync flush ends with 00 00 ff ff");
        return Arrays.copyOf(flushed, n - 4);
    }

    /** @return the message of one compressed permessage-deflate frame (no context takeover) */
    public static byte[] inflate(byte[] payload) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        byte[] input = Arrays.copyOf(payload, payload.length + 4);
        input[payload.length + 2] = (byte) 0xff;
        input[payload.length + 3] = (byte) 0xff;
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.needsInput()) {
            int n = inflater.inflate(buffer);
            out.write(buffer, 0, n);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
        }
        inflater.end();
        return out.toByteArray();
    }
}
