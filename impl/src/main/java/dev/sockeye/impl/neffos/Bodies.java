package dev.sockeye.impl.neffos;

import dev.sockeye.impl.route.Message;

import jakarta.json.bind.Jsonb;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encodes a value into a protocol-neutral {@link Message}, once per emit, with the rules of
 * {@link dev.sockeye.Emitter#emit}: text (Iris type 0), integral numbers as decimal text (1),
 * booleans (2), raw bytes (3, a binary neffos frame), anything else as JSON through JSON-B (4).
 * Unlike the Iris codec, {@code null} is an empty text body (neffos's empty body), and event names
 * may contain {@code ';'} (neffos escapes it). Thread-safe when the {@link Jsonb} is.
 */
final class Bodies {

    private static final int STRING = 0;
    private static final int INT = 1;
    private static final int BOOL = 2;
    private static final int BYTES = 3;
    private static final int JSON = 4;

    private final Jsonb jsonb;

    Bodies(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * @throws IllegalArgumentException if the event name is null or empty
     * @throws jakarta.json.bind.JsonbException if JSON-B cannot serialize the value
     */
    Message message(String event, Object value) {
        if (event == null || event.isEmpty()) {
            throw new IllegalArgumentException("the event name must be non-empty");
        }
        return body(event, value);
    }

    /** As {@link #message}, without checking the event name (replies echo what the client sent). */
    Message body(String event, Object value) {
        if (value == null) {
            return Message.textEvent(event, STRING, "");
        }
        if (value instanceof byte[] bytes) {
            return Message.bytesEvent(event, BYTES, bytes.clone());
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return Message.bytesEvent(event, BYTES, bytes);
        }
        if (value instanceof CharSequence text) {
            return Message.textEvent(event, STRING, text.toString());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof AtomicInteger || value instanceof AtomicLong) {
            return Message.textEvent(event, INT, value.toString());
        }
        if (value instanceof Boolean flag) {
            return Message.textEvent(event, BOOL, flag.toString());
        }
        return Message.textEvent(event, JSON, jsonb.toJson(value));
    }
}
