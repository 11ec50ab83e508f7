package dev.sockeye.impl.core;

import dev.sockeye.Config;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.cluster.LocalClusterNode;
import dev.sockeye.impl.handshake.SockeyeConfigurator;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.spi.ClusterBus;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Objects;
import java.util.function.Function;

/**
 * The one {@link SockeyeEndpoint} implementation, whatever the protocol: the registry (its own,
 * which joins the cluster of {@link Config#cluster()}, or one shared with another endpoint), the
 * container configuration whose endpoint is {@link ConnectionEndpoint}, and the close sequence.
 * Immutable, thread-safe.
 */
public final class CoreEndpoint implements SockeyeEndpoint {

    private final String path;
    private final Config config;
    private final LocalRegistry registry;
    private final ServerEndpointConfig serverEndpointConfig;
    /** The cluster bus of its own registry; {@code null} for a single node or a shared registry. */
    private final ClusterBus bus;
    /** What its connections' {@code Member.endpoint()} is: in a shared registry, tells its own connections. */
    private final EndpointContext context;

    private CoreEndpoint(String path, Config config, LocalRegistry registry, ClusterBus bus, EndpointContext context) {
        this.path = path;
        this.config = config;
        this.registry = registry;
        this.bus = bus;
        this.context = context;
        this.serverEndpointConfig = ServerEndpointConfig.Builder.create(ConnectionEndpoint.class, path)
                .configurator(new SockeyeConfigurator(config, registry, context.protocol()::handshakeRequest,
                        () -> new ConnectionEndpoint(context)))
                .subprotocols(config.subprotocols())
                .extensions(ContainerSupport.extensions(config))
                .build();
    }

    /**
     * @param sharedWith the endpoint whose registry (and cluster) to share, or {@code null} for a
     *                   registry of its own
     * @param protocol   makes the endpoint's protocol, given the endpoint's JSON-B
     * @throws IllegalArgumentException for a path that does not start with {@code /}, or a
     *         {@code sharedWith} of another implementation
     */
    public static CoreEndpoint create(String path, Config config, SockeyeEndpoint sharedWith,
                                      Function<Jsonb, Protocol> protocol) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(config, "config");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an endpoint path must start with '/': " + path);
        }
        if (sharedWith != null && !(sharedWith.registry() instanceof LocalRegistry)) {
            throw new IllegalArgumentException("cannot share the registry of " + sharedWith
                    + ": it was not created by this Sockeye implementation");
        }
        Jsonb jsonb = JsonbBuilder.create();
        LocalRegistry registry;
        ClusterBus bus = null;
        if (sharedWith == null) {
            registry = new LocalRegistry(jsonb);
            bus = LocalClusterNode.join(path, config, registry);
        } else {
            registry = (LocalRegistry) sharedWith.registry();
        }
        EndpointContext context = new EndpointContext(config, protocol.apply(jsonb), registry, jsonb);
        return new CoreEndpoint(path, config, registry, bus, context);
    }

    /** Logs a warning for each setting the container gives no handle on, then adds the endpoint. */
    @Override
    public void deploy(ServerContainer container) throws DeploymentException {
        ContainerSupport.reportUnapplied(config, container, path);
        container.addEndpoint(serverEndpointConfig);
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
    public dev.sockeye.Protocol protocol() {
        return context.protocol().kind();
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
     * Ends its own connections (not those of an endpoint whose registry it shares) with 1001, then
     * stops the cluster bus of its own registry; a shared registry's bus belongs to the endpoint
     * that created it.
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
        return "SockeyeEndpoint[" + path + ", " + protocol() + "]";
    }
}
