package dev.sockeye.impl.send;


import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One encoded frame, ready to be queued for any number of recipients. Immutable: a binary frame's
 * buffer is never handed out directly; each recipient gets its own {@link Binary#payload()}
 * duplicate.
 *
 * <p>A data frame can also give its whole server-side wire form ({@link #serverFrame()}), built on
 * first use and then shared by every recipient: a container path that writes pre-framed bytes (see
 * {@code dev.sockeye.impl.tyrus.RawFrameTransport}) then frames and UTF-8-encodes a broadcast once
 * instead of once per recipient.
 */
public sealed interface OutboundFrame permits OutboundFrame.Text, OutboundFrame.Binary, OutboundFrame.Ping {

    /** @return the frame's size in bytes on the wire (payload only), used for outbound queue limits */
    int size();

    /**
     * @return the whole frame as a server sends it (RFC 6455 §5.2: FIN, no RSV bits, no mask), built
     *         at most about once per frame and shared: do not modify it
     * @throws UnsupportedOperationException for a control frame
     */
    byte[] serverFrame();

    /** A text frame. Thread-safe: two threads building the wire form at once build equal arrays. */
    final class Text implements OutboundFrame {
        private final String text;
        private final int size;
        private volatile byte[] wire;

        /** @param size the UTF-8 length of {@code text}, in bytes */
        public Text(String text, int size) {
            this.text = text;
            this.size = size;
        }

        /** @return the frame's text */
        public String text() {
            return text;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public byte[] serverFrame() {
            byte[] frame = wire;
            if (frame == null) {
                frame = ServerFrames.frame(ServerFrames.OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8));
                wire = frame;
            }
            return frame;
        }

        @Override
        public String toString() {
            return "Text[" + text + "]";
        }
    }

    /** A binary frame; its bytes are read-only and positioned at their start. Thread-safe like {@link Text}. */
    final class Binary implements OutboundFrame {
        private final ByteBuffer bytes;
        private volatile byte[] wire;

        public Binary(ByteBuffer bytes) {
            this.bytes = bytes.asReadOnlyBuffer();
        }

        @Override
        public int size() {
            return bytes.remaining();
        }

        /** @return an independent view of the bytes for one recipient */
        public ByteBuffer payload() {
            return bytes.duplicate();
        }

        @Override
        public byte[] serverFrame() {
            byte[] frame = wire;
            if (frame == null) {
                ByteBuffer payload = payload();
                byte[] copy = new byte[payload.remaining()];
                payload.get(copy);
                frame = ServerFrames.frame(ServerFrames.OPCODE_BINARY, copy);
                wire = frame;
            }
            return frame;
        }

        @Override
        public String toString() {
            return "Binary[" + bytes.remaining() + " bytes]";
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

        @Override
        public byte[] serverFrame() {
            throw new UnsupportedOperationException("a ping is sent by the container's own ping method");
        }
    }
}
