package dev.sockeye.impl.core;

import dev.sockeye.Config;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.registry.LocalRegistry;

import jakarta.json.bind.Jsonb;

/**
 * What every connection of one endpoint shares, prepared once at creation: its configuration, its
 * protocol, the registry (its own, or one shared with another endpoint), and JSON-B for encoding
 * and decoding payloads. Compared by identity: it is what tells an endpoint's own connections in a
 * shared registry. Immutable and thread-safe.
 */
public final class EndpointContext {

    private final Config config;
    private final Protocol protocol;
    private final LocalRegistry registry;
    private final Jsonb jsonb;
    private final PayloadDecoder decoder;

    public EndpointContext(Config config, Protocol protocol, LocalRegistry registry, Jsonb jsonb) {
        this.config = config;
        this.protocol = protocol;
        this.registry = registry;
        this.jsonb = jsonb;
        this.decoder = new PayloadDecoder(jsonb);
    }

    public Config config() {
        return config;
    }

    public Protocol protocol() {
        return protocol;
    }

    public LocalRegistry registry() {
        return registry;
    }

    /** @return the endpoint's JSON-B, thread-safe as JSON-B requires */
    public Jsonb jsonb() {
        return jsonb;
    }

    public PayloadDecoder decoder() {
        return decoder;
    }
}
