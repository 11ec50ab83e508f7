package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.Config;
import dev.sockeye.impl.core.CoreConnection;
import dev.sockeye.impl.core.Protocol;
import dev.sockeye.impl.core.ProtocolSession;
import dev.sockeye.impl.route.Message;
import dev.sockeye.neffos.Namespaces;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.HandshakeRequest;

import java.util.HashMap;
import java.util.Map;

/**
 * The neffos protocol ({@code neffos.js}, Iris v12): the {@code M}/{@code A}/{@code H}
 * handshake, namespaces, rooms the client joins, and asks. What every connection of one neffos
 * endpoint shares is prepared here once: the compiled namespaces and the codec of each namespace.
 * Immutable, thread-safe.
 */
public final class NeffosProtocol implements Protocol {

    private final Config config;
    private final Namespaces definition;
    private final Map<String, NamespaceModel> namespaces;
    private final boolean nativeMessages;
    /** The codec of each defined namespace and of {@code ""}, fixed at creation; none per room (clients name rooms). */
    private final Map<String, AddressCodec> namespaceCodecs;

    private NeffosProtocol(Config config, Namespaces definition, Map<String, NamespaceModel> namespaces) {
        this.config = config;
        this.definition = definition;
        this.namespaces = namespaces;
        NamespaceModel empty = namespaces.get("");
        this.nativeMessages = empty != null && empty.nativeMessage() != null;
        Map<String, AddressCodec> codecs = new HashMap<>();
        codecs.put("", new AddressCodec("", "", config.binaryMessages()));
        namespaces.keySet().forEach(name -> codecs.put(name, new AddressCodec(name, "", config.binaryMessages())));
        this.namespaceCodecs = Map.copyOf(codecs);
    }

    /**
     * Compiles the namespaces and scans their controllers, once.
     *
     * @throws DeploymentException listing every problem of the controllers together
     */
    public static NeffosProtocol create(Config config, Namespaces namespaces) throws DeploymentException {
        return new NeffosProtocol(config, namespaces, NamespaceModel.compile(namespaces));
    }

    @Override
    public dev.sockeye.Protocol kind() {
        return dev.sockeye.Protocol.NEFFOS;
    }

    /** Headers sent as {@code X-Websocket-Header-*} query parameters count as headers. */
    @Override
    public HandshakeRequest handshakeRequest(HandshakeRequest request) {
        return new HeaderParamsRequest(request);
    }

    @Override
    public ProtocolSession open(CoreConnection connection) {
        return new NeffosSession(connection, this);
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
}
