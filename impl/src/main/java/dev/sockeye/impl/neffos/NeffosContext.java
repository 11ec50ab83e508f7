package dev.sockeye.impl.neffos;

import dev.sockeye.Config;
import dev.sockeye.Namespaces;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.route.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every connection of one neffos endpoint shares, prepared once: configuration, compiled
 * namespaces, the registry (possibly shared with an Iris endpoint), the body encoder and decoder,
 * and the per-address codecs. Thread-safe.
 */
final class NeffosContext {

    private record Address(String namespace, String room) {
    }

    private final Config config;
    private final Namespaces definition;
    private final Map<String, NamespaceModel> namespaces;
    private final LocalRegistry registry;
    private final PayloadDecoder decoder;
    private final Bodies bodies;
    private final boolean nativeMessages;
    private final ConcurrentHashMap<Address, AddressCodec> codecs = new ConcurrentHashMap<>();

    NeffosContext(Config config, Namespaces definition, Map<String, NamespaceModel> namespaces, LocalRegistry registry,
                  PayloadDecoder decoder, Bodies bodies) {
        this.config = config;
        this.definition = definition;
        this.namespaces = namespaces;
        this.registry = registry;
        this.decoder = decoder;
        this.bodies = bodies;
        NamespaceModel empty = namespaces.get("");
        this.nativeMessages = empty != null && empty.nativeMessage() != null;
    }

    Config config() {
        return config;
    }

    Namespaces definition() {
        return definition;
    }

    /** @return the compiled namespace, or {@code null} for one the endpoint does not define */
    NamespaceModel namespace(String name) {
        return namespaces.get(name);
    }

    LocalRegistry registry() {
        return registry;
    }

    PayloadDecoder decoder() {
        return decoder;
    }

    Bodies bodies() {
        return bodies;
    }

    /** @return whether frames that are not neffos messages are native messages (namespace "" handles them) */
    boolean nativeMessages() {
        return nativeMessages;
    }

    /** @return the one codec of this address, so that a message is framed once per address */
    AddressCodec codec(String namespace, String room) {
        return codecs.computeIfAbsent(new Address(namespace, room),
                a -> new AddressCodec(a.namespace(), a.room(), config.binaryMessages()));
    }

    /** Routes through the registry's router: to every node when the registry is in a cluster. */
    CompletionStage<Void> route(Target target, Message message) {
        return registry.router().route(target, message);
    }
}
