package dev.sockeye.impl.codec;

import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.route.MessageCodec;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.spi.ClusterEnvelope;

import jakarta.json.bind.Jsonb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Iris event protocol ("iris-ws"): encodes events and native messages into frames and splits
 * incoming frames into native messages and events ({@code <prefix><event>;<type>;<payload>}).
 *
 * <p>Immutable and thread-safe: one instance serves every connection of an endpoint. The
 * {@link Jsonb} it is given must be thread-safe too, as JSON-B requires of every {@code Jsonb}.
 *
 * <p>Text or binary frames: in binary mode ({@code binaryMessages = true}) every outgoing frame is
 * an {@link OutboundFrame.Binary} with the bytes the text frame would have had. In text mode
 * every frame is an {@link OutboundFrame.Text}, except a frame whose bytes are not well-formed
 * UTF-8 (a type-3 payload or a native message of arbitrary bytes): such a frame cannot be a
 * WebSocket text frame, so it is sent as a binary frame with exactly those bytes.
 *
 * <p>Incoming text and binary frames are handled alike; payload bytes of binary frames are kept
 * exactly as received.
 */
public final class IrisCodec implements MessageCodec {

    /** The Iris type digit of each {@link ClusterEnvelope.Kind}, by ordinal; -1 for a native message. */
    private static final int[] TYPE_DIGITS = {InboundMessage.Event.STRING, InboundMessage.Event.INT,
            InboundMessage.Event.BOOL, InboundMessage.Event.BYTES, InboundMessage.Event.JSON, InboundMessage.Event.JSON, -1};

    private final String prefix;
    private final boolean binaryMessages;
    private final Jsonb jsonb;
    private final IrisFrameParser parser;

    /**
     * @param prefix         the prefix of every event frame, such as {@code "iris-websocket-message:"};
     *                       not {@code null}, not empty, without {@code ';'}
     * @param binaryMessages whether every outgoing frame is a binary frame
     * @param jsonb          serializes type-4 (JSON) payloads; not {@code null}; used concurrently
     * @throws IllegalArgumentException if the prefix is empty or contains {@code ';'}
     */
    public IrisCodec(String prefix, boolean binaryMessages, Jsonb jsonb) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.indexOf(';') >= 0) {
            throw new IllegalArgumentException("the event prefix must be non-empty and contain no ';': '"
                    + Excerpt.of(prefix) + "'");
        }
        this.prefix = prefix;
        this.binaryMessages = binaryMessages;
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
        this.parser = new IrisFrameParser(prefix);
    }

    /**
     * Encodes one event as {@code <prefix><event>;<type>;<payload>}: a {@link CharSequence} as
     * text (type 0); an {@code Integer}, {@code Long}, {@code Short}, {@code Byte},
     * {@code BigInteger}, {@code AtomicInteger} or {@code AtomicLong} as decimal text (type 1); a
     * {@code Boolean} as {@code true}/{@code false} (type 2); a {@code byte[]} or the remaining
     * bytes of a {@code ByteBuffer} unchanged (type 3; the buffer's position is not moved); and
     * anything else, {@code null}, floating-point numbers, records, collections and maps included,
     * as JSON through JSON-B (type 4).
     *
     * <p>The frame is built once and may be sent to any number of connections.
     *
     * @param event the event name; not {@code null}, not empty, without {@code ';'}
     * @param value the payload; may be {@code null} (sent as JSON {@code null})
     * @return the frame: see the class description for when it is text or binary
     * @throws IllegalArgumentException if the event name is invalid
     * @throws jakarta.json.bind.JsonbException if JSON-B cannot serialize the value
     */
    public OutboundFrame encodeEvent(String event, Object value) {
        return encode(Message.of(event, value, jsonb));
    }

    /**
     * Encodes a native message: the bytes unchanged, outside the event protocol. The frame is text
     * unless the codec is in binary mode or the bytes are not well-formed UTF-8.
     *
     * @param message the message; not {@code null}; copied, so the caller may reuse the array
     * @return the frame
     */
    public OutboundFrame encodeNative(byte[] message) {
        return encode(Message.nativeMessage(Objects.requireNonNull(message, "message").clone()));
    }

    /**
     * Frames a message in the Iris protocol: see the class description for text or binary. The
     * body's kind gives the type digit; {@code null} is JSON {@code null} (type 4).
     *
     * @throws IllegalArgumentException if the event name contains {@code ';'}, which the Iris
     *         protocol cannot carry
     */
    @Override
    public OutboundFrame encode(Message message) {
        if (message.isNative()) {
            byte[] bytes = message.bytesBody();
            if (!binaryMessages) {
                String text = Utf8.decodeStrict(bytes);
                if (text != null) {
                    return new OutboundFrame.Text(text, bytes.length);
                }
            }
            return new OutboundFrame.Binary(ByteBuffer.wrap(bytes));
        }
        checkEventName(message.event());
        int type = TYPE_DIGITS[message.kind().ordinal()];
        if (message.textBody() != null) {
            String body = message.kind() == ClusterEnvelope.Kind.NULL ? "null" : message.textBody();
            String text = prefix + message.event() + ';' + type + ';' + body;
            if (binaryMessages) {
                return new OutboundFrame.Binary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            }
            return new OutboundFrame.Text(text, Utf8.encodedLength(text));
        }
        return bytesEvent(header(message.event(), type), message.bytesBody());
    }

    /**
     * Decodes a text frame. A frame that does not start with the prefix is a
     * {@link InboundMessage.Native} holding its UTF-8 bytes.
     *
     * @param textFrame the frame; not {@code null}
     * @return the message
     * @throws dev.sockeye.MalformedFrameException if the frame starts with the prefix but is not
     *         {@code <prefix><event>;<digit 0-4>;<payload>}; the message says what is wrong
     */
    public InboundMessage decode(String textFrame) {
        return parser.parse(textFrame);
    }

    /**
     * Decodes a binary frame: its bytes from position to limit; the buffer's position is not
     * moved and the buffer is not retained. A frame that does not start with the prefix's UTF-8
     * bytes is a {@link InboundMessage.Native}; an event's payload keeps its raw bytes exactly.
     *
     * @param binaryFrame the frame; not {@code null}
     * @return the message
     * @throws dev.sockeye.MalformedFrameException as for {@link #decode(String)}, and if the event
     *         name is not valid UTF-8
     */
    public InboundMessage decode(ByteBuffer binaryFrame) {
        return parser.parse(binaryFrame);
    }

    private OutboundFrame bytesEvent(String header, byte[] bytes) {
        if (!binaryMessages) {
            String text = Utf8.decodeStrict(bytes);
            if (text != null) {
                return new OutboundFrame.Text(header + text, Utf8.encodedLength(header) + bytes.length);
            }
        }
        byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(headerBytes.length + bytes.length).put(headerBytes).put(bytes);
        return new OutboundFrame.Binary(frame.flip());
    }

    private String header(String event, int type) {
        return prefix + event + ';' + type + ';';
    }

    private static void checkEventName(String event) {
        if (event == null) {
            throw new IllegalArgumentException("the event name must not be null");
        }
        if (event.isEmpty()) {
            throw new IllegalArgumentException("the event name must not be empty");
        }
        if (event.indexOf(';') >= 0) {
            throw new IllegalArgumentException("the event name must not contain ';' (the Iris protocol "
                    + "separates the event from its type with it): '" + Excerpt.of(event) + "'");
        }
    }
}
