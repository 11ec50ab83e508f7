package dev.sockeye.impl.route;

import dev.sockeye.Target;

import java.util.concurrent.CompletionStage;

/**
 * Takes a message, its body already encoded, to every connection a {@link Target} names. This is the seam
 * between "emit to a target" and "deliver to local sessions": the single-node router delivers
 * locally; a cluster router can publish the frame on a bus and deliver locally as well.
 *
 * <p>Implementations are thread-safe and never block on the network.
 */
public interface Router {

    /**
     * @return a stage that completes when every recipient's write has ended (a failed recipient does
     *         not fail it)
     */
    CompletionStage<Void> route(Target target, Message message);
}
