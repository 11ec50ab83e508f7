package dev.sockeye.impl.route;

import dev.sockeye.impl.codec.OutboundFrame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One outgoing message before it is framed for a protocol: an event (name, Iris type digit, body)
 * or a native message. The body is encoded once, when the message is created (JSON-B runs once per
 * emit); the frame is built once per protocol and shared by every recipient speaking it.
 *
 * <p>Two optional scopes narrow who of the target's connections receives it, on every node: an
 * excluded connection ({@link #excluding}), and for a neffos emit to one connection, the namespace
 * it must be connected to ({@link #inNamespace}). A scoped copy shares the body.
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
    private final int type;
    private final String text;
    private final byte[] bytes;
    private final String excludedId;
    private final String namespace;
    private volatile MessageCodec firstCodec;
    private volatile OutboundFrame firstFrame;
    private volatile MessageCodec secondCodec;
    private volatile OutboundFrame secondFrame;
    /** The frames of the third codec on: codec, frame, codec, frame...; replaced when it grows, never changed. */
    private volatile Object[] moreFrames;

    private Message(String event, int type, String text, byte[] bytes, String excludedId, String namespace) {
        this.event = event;
        this.type = type;
        this.text = text;
        this.bytes = bytes;
        this.excludedId = excludedId;
        this.namespace = namespace;
    }

    /**
     * An event whose body is text (Iris types 0, 1, 2 and 4).
     *
     * @param event a valid event name (checked by the caller)
     */
    public static Message textEvent(String event, int type, String body) {
        return new Message(Objects.requireNonNull(event), type, Objects.requireNonNull(body), null, null, null);
    }

    /** An event whose body is raw bytes (Iris type 3); the array must not be changed afterwards. */
    public static Message bytesEvent(String event, int type, byte[] body) {
        return new Message(Objects.requireNonNull(event), type, null, Objects.requireNonNull(body), null, null);
    }

    /** A native message: bytes outside the event protocol; the array must not be changed afterwards. */
    public static Message nativeMessage(byte[] bytes) {
        return new Message(null, -1, null, Objects.requireNonNull(bytes), null, null);
    }

    /**
     * @param connectionId the connection that must not receive the message, or {@code null} for none
     * @return this message without that connection, whatever the target; {@code this} if it already is
     */
    public Message excluding(String connectionId) {
        return Objects.equals(connectionId, excludedId) ? this
                : new Message(event, type, text, bytes, connectionId, namespace);
    }

    /**
     * @param name the neffos namespace a recipient must be connected to, or {@code null} for none
     * @return this message framed in that namespace only; {@code this} if it already is
     */
    public Message inNamespace(String name) {
        return Objects.equals(name, namespace) ? this : new Message(event, type, text, bytes, excludedId, name);
    }

    /** @return the connection that does not receive this message, or {@code null} */
    public String excludedId() {
        return excludedId;
    }

    /**
     * @return the namespace a recipient must be connected to, framed in it alone; {@code null} when
     *         the message is not scoped to one (a connection that knows no namespaces then receives it)
     */
    public String namespace() {
        return namespace;
    }

    /** @return whether this is a native message rather than an event */
    public boolean isNative() {
        return event == null;
    }

    /** @return the event name; {@code null} for a native message */
    public String event() {
        return event;
    }

    /** @return the Iris type digit (0 to 4); -1 for a native message */
    public int type() {
        return type;
    }

    /** @return the body as text if it was created as text, else {@code null} */
    public String textBody() {
        return text;
    }

    /** @return the body as raw bytes if it was created as bytes, else {@code null}; do not modify */
    public byte[] bytesBody() {
        return bytes;
    }

    /** @return the body's bytes, UTF-8 for a text body; do not modify */
    public byte[] bodyBytes() {
        return bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
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
