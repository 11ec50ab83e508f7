package dev.sockeye.impl.codec;

import java.nio.ByteBuffer;

/**
 * One encoded frame, ready to be queued for any number of recipients. Immutable: a binary frame's
 * buffer is never handed out directly; each recipient gets its own {@link #payload()} duplicate.
 */
public sealed interface OutboundFrame permits OutboundFrame.Text, OutboundFrame.Binary, OutboundFrame.Ping {

    /** @return the frame's size in bytes on the wire (payload only), used for outbound queue limits */
    int size();

    /** A text frame. */
    record Text(String text, int size) implements OutboundFrame {
    }

    /** A binary frame; {@code bytes} is read-only and positioned at its start. */
    record Binary(ByteBuffer bytes) implements OutboundFrame {
        public Binary {
            bytes = bytes.asReadOnlyBuffer();
        }

        @Override
        public int size() {
            return bytes.remaining();
        }

        /** @return an independent view of the bytes for one recipient */
        public ByteBuffer payload() {
            return bytes.duplicate();
        }
    }

    /** A ping control frame; it goes through the same queue so that one writer writes everything. */
    record Ping() implements OutboundFrame {
        /** The one ping frame (empty application data). */
        public static final Ping INSTANCE = new Ping();

        @Override
        public int size() {
            return 0;
        }
    }
}
