package dev.sockeye.impl.tyrus;

import jakarta.websocket.Extension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.glassfish.tyrus.core.extension.ExtendedExtension;
import org.glassfish.tyrus.core.frame.Frame;

/**
 * permessage-deflate (RFC 7692) for Tyrus-based containers, with a cap on the inflated size.
 *
 * <p>Why our own: Tyrus's {@code PerMessageDeflateExtension} inflates a message whatever its
 * inflated size, so a frame of a few kilobytes can expand to gigabytes before any size check sees
 * it. Here inflation stops as soon as a message passes {@code maxInflatedBytes}: the frame is
 * replaced by a close frame with code 1009, so the connection ends through the normal close path
 * (leave and disconnect events) and the heap never holds more than the cap.
 *
 * <p>Negotiation answers with {@code server_no_context_takeover} and
 * {@code client_no_context_takeover}: each message is compressed on its own, so no per-connection
 * compression window is kept between messages (less memory per idle connection). Outgoing messages
 * sent as one frame are compressed; fragmented outgoing messages go uncompressed, which the RFC
 * allows per message.
 *
 * <p>One instance serves every connection of an endpoint; per-connection state lives in the
 * extension context that Tyrus keeps per connection. Frames of one connection are processed one
 * at a time.
 */
public final class BoundedDeflateExtension implements ExtendedExtension {

    private static final String STATE = BoundedDeflateExtension.class.getName() + ".state";
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte OPCODE_CONTINUATION = 0x0;
    private static final byte OPCODE_CLOSE = 0x8;

    private final long maxInflatedBytes;

    /** @param maxInflatedBytes the largest inflated message accepted, in bytes */
    public BoundedDeflateExtension(long maxInflatedBytes) {
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /** Per-connection state: whether the current incoming message is compressed, and its size so far. */
    private static final class State {
        final Inflater inflater = new Inflater(true);
        final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        boolean compressed;
        long inflated;
    }

    @Override
    public String getName() {
        return "permessage-deflate";
    }

    @Override
    public List<Parameter> getParameters() {
        return List.of();
    }

    @Override
    public Frame processIncoming(ExtensionContext context, Frame frame) {
        if (frame.isControlFrame()) {
            return frame;
        }
        State state = state(context);
        if (frame.getOpcode() != OPCODE_CONTINUATION) {
            state.compressed = frame.isRsv1();
            state.inflated = 0;
        }
        if (!state.compressed) {
            return frame;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!inflate(state, frame.getPayloadData(), out) || frame.isFin() && !inflate(state, TAIL, out)) {
                state.inflater.reset();
                return tooBig();
            }
        } catch (DataFormatException e) {
            state.inflater.reset();
            return close(1007, "invalid compressed data");
        }
        if (frame.isFin()) {
            state.inflater.reset();
        }
        return Frame.builder(frame).rsv1(false).payloadData(out.toByteArray()).build();
    }

    /** @return {@code false} if the message went past the cap */
    private boolean inflate(State state, byte[] input, ByteArrayOutputStream out) throws DataFormatException {
        state.inflater.setInput(input);
        byte[] buffer = new byte[8192];
        while (!state.inflater.needsInput() && !state.inflater.finished()) {
            int n = state.inflater.inflate(buffer);
            if (n == 0 && (state.inflater.needsDictionary() || state.inflater.needsInput())) {
                break;
            }
            state.inflated += n;
            if (state.inflated > maxInflatedBytes) {
                return false;
            }
            out.write(buffer, 0, n);
        }
        return true;
    }

    @Override
    public Frame processOutgoing(ExtensionContext context, Frame frame) {
        if (frame.isControlFrame() || frame.getOpcode() == OPCODE_CONTINUATION || !frame.isFin()) {
            return frame;
        }
        State state = state(context);
        Deflater deflater = state.deflater;
        deflater.setInput(frame.getPayloadData());
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, frame.getPayloadData().length / 2));
        byte[] buffer = new byte[8192];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
            if (n < buffer.length) {
                break;
            }
        }
        deflater.reset();
        byte[] compressed = out.toByteArray();
        int length = compressed.length;
        if (length >= 4 && compressed[length - 4] == 0 && compressed[length - 3] == 0
                && compressed[length - 2] == (byte) 0xff && compressed[length - 1] == (byte) 0xff) {
            length -= 4;
        }
        byte[] payload = java.util.Arrays.copyOf(compressed, length);
        return Frame.builder(frame).rsv1(true).payloadData(payload).build();
    }

    @Override
    public List<Parameter> onExtensionNegotiation(ExtensionContext context, List<Parameter> requestedParameters) {
        return List.of(parameter("server_no_context_takeover"), parameter("client_no_context_takeover"));
    }

    @Override
    public void onHandshakeResponse(ExtensionContext context, List<Parameter> responseParameters) {
        // server side only
    }

    @Override
    public void destroy(ExtensionContext context) {
        Object state = context.getProperties().remove(STATE);
        if (state instanceof State s) {
            s.inflater.end();
            s.deflater.end();
        }
    }

    private static State state(ExtensionContext context) {
        return (State) context.getProperties().computeIfAbsent(STATE, k -> new State());
    }

    private static Frame tooBig() {
        return close(1009, "message too big after decompression");
    }

    private static Frame close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return Frame.builder().fin(true).opcode(OPCODE_CLOSE).payloadData(payload).build();
    }

    private static Parameter parameter(String name) {
        return new Parameter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public String getValue() {
                return null;
            }
        };
    }

    /** Tyrus compares extensions by name. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Extension extension && getName().equals(extension.getName());
    }

    @Override
    public int hashCode() {
        return getName().hashCode();
    }
}
