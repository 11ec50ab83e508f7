package dev.sockeye.impl.session;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.registry.LocalRegistry;

/**
 * What every connection of one endpoint shares, prepared once at deployment. Immutable and
 * thread-safe.
 */
public record EndpointContext(Config config,
                              ConnectionListener listener,
                              IrisCodec codec,
                              PayloadDecoder decoder,
                              LocalRegistry registry) {
}
