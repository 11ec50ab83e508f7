package dev.sockeye.impl.neffos;

import dev.sockeye.Config;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.Protocol;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.cluster.LocalClusterNode;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.handshake.SockeyeConfigurator;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.spi.ClusterBus;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link SockeyeEndpoint} that speaks the neffos protocol: namespaces compiled and controllers
 * scanned once, here, and a container configuration whose endpoint is
 * {@link NeffosSessionEndpoint}. Its registry is its own, which joins the cluster of
 * {@link Config#cluster()} as an Iris endpoint's does, or the one it shares with another endpoint
 * (and that endpoint's cluster). Immutable, thread-safe.
 */
public final class NeffosEndpoint implements SockeyeEndpoint {

    private final String path;
    private final Config config;
    private final LocalRegistry registry;
    private final ServerEndpointConfig serverEndpointConfig;
    /** The cluster bus of its own registry; {@code null} for a single node or a shared registry. */
    private final ClusterBus bus;
    /** What its connections' {@code Member.endpoint()} is: in a shared registry, tells its own connections. */
    private final NeffosContext context;

    private NeffosEndpoint(String path, Config config, LocalRegistry registry, ServerEndpointConfig serverEndpointConfig,
                           ClusterBus bus, NeffosContext context) {
        this.path = path;
        this.context = context;
        this.config = config;
        this.registry = registry;
        this.serverEndpointConfig = serverEndpointConfig;
        this.bus = bus;
    }

    /**
     * @param sharedWith the endpoint whose registry to share, or {@code null} for a registry of its own
     * @param extensions the WebSocket extensions to offer (permessage-deflate when configured)
     * @throws DeploymentException listing every problem of the controllers
     * @throws IllegalArgumentException for a bad path, or a {@code sharedWith} of another implementation
     */
    public static NeffosEndpoint create(String path, Config config, Namespaces namespaces, SockeyeEndpoint sharedWith,
                                        List<Extension> extensions) throws DeploymentException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(namespaces, "namespaces");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an endpoint path must start with '/': " + path);
        }
        if (sharedWith != null && !(sharedWith.registry() instanceof LocalRegistry)) {
            throw new IllegalArgumentException("cannot share the registry of " + sharedWith
                    + ": it was not created by this Sockeye implementation");
        }
        Map<String, NamespaceModel> compiled = NamespaceModel.compile(namespaces);
        Jsonb jsonb = JsonbBuilder.create();
        LocalRegistry registry;
        ClusterBus bus = null;
        if (sharedWith == null) {
            registry = new LocalRegistry(new IrisCodec(config.messagePrefix(), config.binaryMessages(), jsonb));
            bus = LocalClusterNode.join(path, config, registry);
        } else {
            registry = (LocalRegistry) sharedWith.registry();
        }
        NeffosContext context = new NeffosContext(config, namespaces, compiled, registry, new PayloadDecoder(jsonb),
                new Bodies(jsonb));
        ServerEndpointConfig serverConfig = ServerEndpointConfig.Builder.create(NeffosSessionEndpoint.class, path)
                .configurator(new NeffosConfigurator(new SockeyeConfigurator(config, registry,
                        () -> new NeffosSessionEndpoint(context))))
                .subprotocols(config.subprotocols())
                .extensions(extensions)
                .build();
        return new NeffosEndpoint(path, config, registry, serverConfig, bus, context);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Protocol protocol() {
        return Protocol.NEFFOS;
    }

    @Override
    public ConnectionRegistry registry() {
        return registry;
    }

    @Override
    public ServerEndpointConfig serverEndpointConfig() {
        return serverEndpointConfig;
    }

    /**
     * Ends its own connections (not those of the endpoint whose registry it shares), then stops the
     * cluster bus of its own registry; a shared registry's bus belongs to the endpoint that created it.
     */
    @Override
    public void close() {
        registry.goAway(context);
        if (bus != null) {
            bus.close();
        }
    }

    @Override
    public String toString() {
        return "NeffosEndpoint[" + path + "]";
    }
}
