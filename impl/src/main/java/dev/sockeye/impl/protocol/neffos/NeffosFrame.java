package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.impl.codec.InboundMessage;

/**
 * One frame received from a neffos client, as {@link NeffosWire} understood it. Immutable.
 */
sealed interface NeffosFrame permits NeffosFrame.Event, NeffosFrame.Native {

    /**
     * A neffos message {@code <wait>;<namespace>;<room>;<event>;<isError>;<isNoOp>;<body>}, its
     * namespace, room and event unescaped.
     *
     * @param token  the wait field: empty for a plain emit; {@code $...} for a client ask; otherwise the wait of a
     *               server ask being answered
     * @param binary whether it came as a binary frame (its body is then raw bytes)
     */
    record Event(String token, String namespace, String room, String event, boolean error, boolean noOp,
                 InboundMessage.Payload body, boolean binary) implements NeffosFrame {

        /** @return whether the client asks and waits for a reply */
        boolean isClientAsk() {
            return token.startsWith(NeffosWire.CLIENT_WAIT_PREFIX);
        }
    }

    /** A frame that is not a neffos message, when the endpoint accepts native messages. */
    record Native(InboundMessage.Payload body, boolean binary) implements NeffosFrame {
    }
}
