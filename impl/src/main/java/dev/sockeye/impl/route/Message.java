package dev.sockeye.impl.route;

import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.spi.ClusterEnvelope.Kind;

import jakarta.json.bind.Jsonb;

import java.math.BigInteger;
import java.nio.ByteBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One outgoing message before it is framed for a protocol: an event (name and body) or a native
 * message. The body is encoded once, when the message is created (JSON-B runs once per emit), into
 * a protocol-neutral {@linkplain Kind kind} and bytes; each recipient's protocol frames it by its own
 * rules (Iris writes a {@code null} value as JSON {@code null} and refuses {@code ';'} in event
 * names, neffos writes an empty body and escapes {@code ';'}), once per protocol and address, shared
 * by every recipient speaking it.
 *
 * <p>Two optional scopes narrow who of the target's connections receives it, on every node: an
 * excluded connection ({@link #excluding}), and a protocol scope a recipient must have
 * ({@link #inScope}; for neffos, the namespace it must be connected to). A scoped copy shares the
 * body.
 *
 * <p>Immutable but for its frame memo; safe to share between threads. Two threads framing it for
 * the same protocol at the same moment may both build the frame, and both then send the one kept.
 */
public final class Message {

    /**
     * The most codecs whose frames one message keeps: an emit framed in more protocols and neffos
     * addresses than this builds the frames of the others once per recipient.
     */
    public static final int MAX_CACHED_FRAMES = 16;

    private final String event;
    private final Kind kind;
    private final String text;
    private final byte[] bytes;
    private final String excludedId;
    private final String scope;
    private volatile MessageCodec firstCodec;
    private volatile OutboundFrame firstFrame;
    private volatile MessageCodec secondCodec;
    private volatile OutboundFrame secondFrame;
    /** The frames of the third codec on: codec, frame, codec, frame...; replaced when it grows, never changed. */
    private volatile Object[] moreFrames;
    private static final AtomicIntegerFieldUpdater<Message> REFUSED =
            AtomicIntegerFieldUpdater.newUpdater(Message.class, "refused");
    /** 1 once a recipient's protocol refused to carry it. */
    private volatile int refused;

    private Message(String event, Kind kind, String text, byte[] bytes, String excludedId, String scope) {
        this.event = event;
        this.kind = kind;
        this.text = text;
        this.bytes = bytes;
        this.excludedId = excludedId;
        this.scope = scope;
    }

    /**
     * Encodes an event's value once, for every protocol: a {@link CharSequence} as text, an
     * {@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger},
     * {@code AtomicInteger} or {@code AtomicLong} as decimal text, a {@code Boolean} as
     * {@code true}/{@code false}, a {@code byte[]} or the remaining bytes of a {@code ByteBuffer}
     * unchanged (the array is copied, the buffer's position not moved), {@code null} as
     * {@link Kind#NULL}, and anything else (floating-point numbers, records, collections, maps) as
     * JSON through {@code jsonb}.
     *
     * @param event the event name; not {@code null} nor empty (each protocol adds its own rules when framing)
     * @throws IllegalArgumentException if the event name is {@code null} or empty
     * @throws jakarta.json.bind.JsonbException if JSON-B cannot serialize the value
     */
    public static Message of(String event, Object value, Jsonb jsonb) {
        if (event == null) {
            throw new IllegalArgumentException("the event name must not be null");
        }
        if (event.isEmpty()) {
            throw new IllegalArgumentException("the event name must not be empty");
        }
        return body(event, value, jsonb);
    }

    /** As {@link #of}, without checking the event name: replies echo what a client sent. */
    public static Message body(String event, Object value, Jsonb jsonb) {
        if (value == null) {
            return new Message(event, Kind.NULL, "", null, null, null);
        }
        if (value instanceof byte[] array) {
            return new Message(event, Kind.BYTES, null, array.clone(), null, null);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return new Message(event, Kind.BYTES, null, copy, null, null);
        }
        if (value instanceof CharSequence chars) {
            return new Message(event, Kind.TEXT, chars.toString(), null, null, null);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof AtomicInteger || value instanceof AtomicLong) {
            return new Message(event, Kind.NUMBER, value.toString(), null, null, null);
        }
        if (value instanceof Boolean flag) {
            return new Message(event, Kind.BOOLEAN, flag.toString(), null, null, null);
        }
        return new Message(event, Kind.JSON, jsonb.toJson(value), null, null, null);
    }

    /**
     * A message as it travelled between nodes: the body is not copied and must not be changed.
     *
     * @param event the event name, {@code null} for a native message
     */
    public static Message decoded(String event, Kind kind, byte[] body) {
        if (event == null || kind == Kind.NATIVE) {
            return nativeMessage(body);
        }
        if (kind == Kind.BYTES) {
            return new Message(event, kind, null, body, null, null);
        }
        return new Message(event, kind, new String(body, StandardCharsets.UTF_8), null, null, null);
    }

    /** A native message: bytes outside the event protocol; the array must not be changed afterwards. */
    public static Message nativeMessage(byte[] bytes) {
        return new Message(null, Kind.NATIVE, null, Objects.requireNonNull(bytes), null, null);
    }

    /**
     * @param connectionId the connection that must not receive the message, or {@code null} for none
     * @return this message without that connection, whatever the target; {@code this} if it already is
     */
    public Message excluding(String connectionId) {
        return Objects.equals(connectionId, excludedId) ? this
                : new Message(event, kind, text, bytes, connectionId, scope);
    }

    /**
     * @param name the protocol scope a recipient must have (a neffos namespace it is connected to),
     *             or {@code null} for none
     * @return this message for recipients in that scope only; {@code this} if it already is
     */
    public Message inScope(String name) {
        return Objects.equals(name, scope) ? this : new Message(event, kind, text, bytes, excludedId, name);
    }

    /** @return the connection that does not receive this message, or {@code null} */
    public String excludedId() {
        return excludedId;
    }

    /**
     * @return the protocol scope a recipient must have, framed in it alone; {@code null} when the
     *         message is not scoped (a protocol without scopes skips a scoped message)
     */
    public String scope() {
        return scope;
    }

    /** @return whether this is a native message rather than an event */
    public boolean isNative() {
        return kind == Kind.NATIVE;
    }

    /** @return the event name; {@code null} for a native message */
    public String event() {
        return event;
    }

    /** @return what the body is */
    public Kind kind() {
        return kind;
    }

    /** @return the body as text if it was encoded as text ({@link Kind#NULL}: empty), else {@code null} */
    public String textBody() {
        return text;
    }

    /** @return the body as raw bytes if it was encoded as bytes, else {@code null}; do not modify */
    public byte[] bytesBody() {
        return bytes;
    }

    /** @return the body's bytes, UTF-8 for a text body; do not modify */
    public byte[] bodyBytes() {
        return bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Marks that a recipient's protocol refused to carry this message.
     *
     * @return {@code true} the first time only, so that the refusal is reported once per emit, not
     *         once per recipient
     */
    public boolean refusedOnce() {
        return REFUSED.compareAndSet(this, 0, 1);
    }

    /**
     * @return the frame of this message in {@code codec}'s protocol, built once per codec (codecs that
     *         are {@linkplain Object#equals equal} share it) for up to {@value #MAX_CACHED_FRAMES} codecs.
     *         The first two are kept without any allocation: one protocol, or an Iris and a neffos
     *         recipient, the usual emits.
     */
    public OutboundFrame frame(MessageCodec codec) {
        OutboundFrame kept = kept(codec);
        return kept != null ? kept : keep(codec, codec.encode(this));
    }

    /** @return the frame kept for {@code codec} or an equal one, or {@code null} */
    private OutboundFrame kept(MessageCodec codec) {
        // each frame is written before its codec: a codec read here comes with its frame
        MessageCodec kept = firstCodec;
        if (kept == null) {
            return null;
        }
        if (kept == codec || kept.equals(codec)) {
            return firstFrame;
        }
        kept = secondCodec;
        if (kept == null) {
            return null;
        }
        if (kept == codec || kept.equals(codec)) {
            return secondFrame;
        }
        Object[] more = moreFrames;
        if (more != null) {
            for (int i = 0; i < more.length; i += 2) {
                if (more[i] == codec || more[i].equals(codec)) {
                    return (OutboundFrame) more[i + 1];
                }
            }
        }
        return null;
    }

    /**
     * Keeps {@code frame} for {@code codec} in the first free slot, under the lock so that a slot
     * is written once; only a new codec's first frame takes it.
     *
     * @return the frame to send: the one kept meanwhile by another thread for an equal codec, else {@code frame}
     */
    private synchronized OutboundFrame keep(MessageCodec codec, OutboundFrame frame) {
        OutboundFrame raced = kept(codec);
        if (raced != null) {
            return raced;
        }
        if (firstCodec == null) {
            firstFrame = frame;
            firstCodec = codec;
        } else if (secondCodec == null) {
            secondFrame = frame;
            secondCodec = codec;
        } else {
            Object[] more = moreFrames;
            int length = more == null ? 0 : more.length;
            if (length < 2 * (MAX_CACHED_FRAMES - 2)) {
                Object[] grown = more == null ? new Object[2] : Arrays.copyOf(more, length + 2);
                grown[length] = codec;
                grown[length + 1] = frame;
                moreFrames = grown;
            }
        }
        return frame;
    }
}
