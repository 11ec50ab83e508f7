package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.neffos.NeffosMessage;
import dev.sockeye.PayloadType;
import dev.sockeye.impl.codec.InboundMessage;
import dev.sockeye.impl.codec.PayloadDecoder;

import java.util.Objects;

/**
 * A {@link NeffosMessage}: a received event or reply, or the system message of a hook. Immutable;
 * the body is decoded on demand by the endpoint's {@link PayloadDecoder} (a text body with the Iris
 * "string" digit, a binary body with the "bytes" digit, so that {@code Object} gets a
 * {@code String} or a {@code byte[]}).
 */
record ReceivedMessage(String namespace, String room, String event, InboundMessage.Payload payload,
                       boolean isBinary, boolean isNative, boolean isForced, boolean isLocal,
                       PayloadDecoder decoder) implements NeffosMessage {

    private static final int STRING = 0;
    private static final int BYTES = 3;

    ReceivedMessage {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
    }

    /** @return a received event */
    static ReceivedMessage of(NeffosFrame.Event frame, PayloadDecoder decoder) {
        return new ReceivedMessage(frame.namespace(), frame.room(), frame.event(), frame.body(), frame.binary(),
                false, false, false, decoder);
    }

    /** @return the message a hook is called with */
    static ReceivedMessage system(String namespace, String room, String event, boolean forced, boolean local,
                                  PayloadDecoder decoder) {
        return new ReceivedMessage(namespace, room, event, InboundMessage.Payload.ofText(""), false, false,
                forced, local, decoder);
    }

    @Override
    public byte[] body() {
        return payload.bytes();
    }

    @Override
    public String text() {
        return payload.text();
    }

    @Override
    public <T> T decode(Class<T> type) {
        return decode(PayloadType.of(type));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T decode(PayloadType<T> type) {
        // the decoder names the event in its errors; Iris event names cannot hold ';' or be empty
        String name = event.isEmpty() || event.indexOf(';') >= 0 ? "(neffos event)" : event;
        return (T) decoder.decode(new InboundMessage.Event(name, isBinary ? BYTES : STRING, payload), type.type());
    }

    @Override
    public String toString() {
        return "NeffosMessage[" + namespace + "/" + room + " " + event + "]";
    }
}
