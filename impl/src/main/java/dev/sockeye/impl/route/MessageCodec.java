package dev.sockeye.impl.route;

import dev.sockeye.impl.send.OutboundFrame;

/** Frames a {@link Message} in one wire protocol. Implementations are immutable and thread-safe. */
public interface MessageCodec {

    /** @return the frame carrying {@code message}, shareable by every recipient of this protocol */
    OutboundFrame encode(Message message);
}
