package dev.sockeye.impl.neffos;

import dev.sockeye.Config;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.route.Message;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What every connection of one neffos endpoint shares, prepared once: configuration, compiled
 * namespaces, the registry (possibly shared with an Iris endpoint), the body encoder and decoder,
 * and the codec of each namespace. Thread-safe.
 */
final class NeffosContext {

    private final Config config;
    private final Namespaces definition;
    private final Map<String, NamespaceModel> namespaces;
    private final LocalRegistry registry;
    private final PayloadDecoder decoder;
    private final Bodies bodies;
    private final boolean nativeMessages;
    /** The codec of each defined namespace and of {@code ""}, fixed at creation; none per room (clients name rooms). */
    private final Map<String, AddressCodec> namespaceCodecs;

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
        Map<String, AddressCodec> codecs = new HashMap<>();
        codecs.put("", new AddressCodec("", "", config.binaryMessages()));
        namespaces.keySet().forEach(name -> codecs.put(name, new AddressCodec(name, "", config.binaryMessages())));
        this.namespaceCodecs = Map.copyOf(codecs);
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

    /**
     * @return the codec of this address: a namespace's own one, or for a room a new one, equal to
     *         every other of that address, so that {@link Message#frame} still frames a room emit once
     *         for all its neffos recipients while nothing is kept per room
     */
    AddressCodec codec(String namespace, String room) {
        if (room.isEmpty()) {
            AddressCodec codec = namespaceCodecs.get(namespace);
            if (codec != null) {
                return codec;
            }
        }
        return new AddressCodec(namespace, room, config.binaryMessages());
    }

    /** Routes through the registry's router: to every node when the registry is in a cluster. */
    CompletionStage<Void> route(Target target, Message message) {
        return registry.router().route(target, message);
    }
}
