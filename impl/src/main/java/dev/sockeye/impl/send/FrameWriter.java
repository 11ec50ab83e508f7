package dev.sockeye.impl.send;


import java.util.function.Consumer;

/**
 * Writes one frame to the network, asynchronously. The {@link OutboundQueue} calls it for one frame
 * at a time per connection, never concurrently.
 */
@FunctionalInterface
public interface FrameWriter {

    /**
     * Starts writing {@code frame}; {@code done} is called exactly once, with {@code null} on
     * success or the failure, possibly before this method returns.
     */
    void write(OutboundFrame frame, Consumer<Throwable> done);
}
