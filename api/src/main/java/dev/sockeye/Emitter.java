package dev.sockeye;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * Sends events and native messages to one connection or to a {@link Target}.
 *
 * <p>Thread-safety: every method may be called from any thread at any time, concurrently.
 * Messages from one thread to one connection arrive in the order they were emitted.
 *
 * <p>Completion: the returned stage never throws synchronously for send problems. When the
 * emitter addresses exactly one connection, the stage completes once the frame has been written
 * to the network, and completes exceptionally if it could not be (for example
 * {@link ConnectionClosedException}). When the emitter addresses a {@link Target}, the stage
 * completes when every local recipient's write has finished; a failed recipient does not fail the
 * stage (its own error listeners hear about it). The payload is encoded once per emit, whatever
 * the number of recipients.
 */
public interface Emitter {

    /**
     * Emits an event. The value is encoded as the Iris protocol says: {@code String} and other
     * {@code CharSequence}s as text (type 0), integral numbers as decimal text (type 1), booleans
     * (type 2), {@code byte[]} and {@code ByteBuffer} as raw bytes (type 3), and anything else,
     * including {@code null}, floating-point numbers, records, collections and maps, as JSON
     * through JSON-B (type 4).
     *
     * @param event the event name; not {@code null}, not empty, and without {@code ';'}
     * @param value the payload; may be {@code null}
     * @return a stage as described on this interface
     * @throws IllegalArgumentException if the event name is invalid
     */
    CompletionStage<Void> emit(String event, Object value);

    /**
     * Sends a native message: the bytes go out unchanged, outside the event protocol, as a text
     * frame (a binary frame in binary mode, or when the bytes are not valid UTF-8).
     *
     * @param message the message; not {@code null}; the array is not retained after the call
     * @return a stage as described on this interface
     */
    CompletionStage<Void> emitMessage(byte[] message);

    /**
     * Sends a native text message; the same as {@link #emitMessage(byte[])} with its UTF-8 bytes.
     *
     * @param message the message; not {@code null}
     * @return a stage as described on this interface
     */
    default CompletionStage<Void> emitMessage(String message) {
        return emitMessage(message.getBytes(StandardCharsets.UTF_8));
    }
}
