package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.codec.Utf8;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.route.MessageCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Frames messages in the neffos protocol for one (namespace, room) address. Codecs of one address
 * are equal ({@link NeffosContext#codec}), so that {@link Message#frame} builds a room emit's frame
 * once for all its neffos recipients, beside the Iris frame for Iris recipients.
 *
 * <p>An event becomes {@code ;<namespace>;<room>;<event>;0;0;<body>}: a text frame for a text body,
 * a binary frame (header bytes, then the raw body) for a bytes body (neffos's {@code SetBinary}),
 * and a binary frame for everything in binary mode. (Empty replies, error replies and the handshake
 * frames are {@linkplain #text text} in every mode: see {@link InboundDispatch}.)
 *
 * <p>A native message goes as {@code ;;;_OnNativeMessage;0;0;<bytes>}, whatever the address: the
 * published neffos.js (0.1.34) drops a raw frame that is not a neffos message (its parser does not
 * mark it native), but hands this form to its {@code _OnNativeMessage} handler of namespace
 * {@code ""}, as a Go neffos client does. A text frame when the bytes are UTF-8 (and not in binary
 * mode), else binary. Immutable, thread-safe.
 */
record AddressCodec(String namespace, String room, boolean binaryMessages) implements MessageCodec {

    /** The header of a native message (spec §2.2, in the form neffos.js reads). */
    static final String NATIVE_HEADER = NeffosWire.header("", "", "", "_OnNativeMessage", false, false);

    @Override
    public OutboundFrame encode(Message message) {
        if (message.isNative()) {
            return nativeFrame(message.bytesBody(), binaryMessages);
        }
        return frame(NeffosWire.header("", namespace, room, message.event(), false, false), message, binaryMessages);
    }

    /** @return the frame of {@code header} followed by the message's body */
    static OutboundFrame frame(String header, Message message, boolean binaryMessages) {
        if (message.textBody() != null) {
            String text = header + message.textBody();
            return binaryMessages ? binary(text.getBytes(StandardCharsets.UTF_8)) : text(text);
        }
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] body = message.bytesBody();
        return new OutboundFrame.Binary(ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip());
    }

    static OutboundFrame text(String text) {
        return new OutboundFrame.Text(text, Utf8.encodedLength(text));
    }

    private static OutboundFrame nativeFrame(byte[] bytes, boolean binaryMessages) {
        String text = binaryMessages ? null : Utf8.decodeStrict(bytes);
        if (text != null) {
            return text(NATIVE_HEADER + text);
        }
        byte[] head = NATIVE_HEADER.getBytes(StandardCharsets.UTF_8);
        return new OutboundFrame.Binary(ByteBuffer.allocate(head.length + bytes.length).put(head).put(bytes).flip());
    }

    private static OutboundFrame binary(byte[] bytes) {
        return new OutboundFrame.Binary(ByteBuffer.wrap(bytes));
    }
}
