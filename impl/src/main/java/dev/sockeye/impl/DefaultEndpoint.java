package dev.sockeye.impl;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.cluster.LocalClusterNode;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.handshake.SockeyeConfigurator;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.session.EndpointContext;
import dev.sockeye.impl.session.SessionEndpoint;
import dev.sockeye.spi.ClusterBus;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Objects;

/** A {@link SockeyeEndpoint} prepared once: codec, registry and container configuration. */
final class DefaultEndpoint implements SockeyeEndpoint {

    private final String path;
    private final Config config;
    private final LocalRegistry registry;
    private final ServerEndpointConfig serverEndpointConfig;
    private final ClusterBus bus;
    private final EndpointContext context;

    DefaultEndpoint(String path, Config config, ConnectionListener listener) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an endpoint path must start with '/': " + path);
        }
        this.path = path;
        this.config = config;
        Jsonb jsonb = JsonbBuilder.create();
        IrisCodec codec = new IrisCodec(config.messagePrefix(), config.binaryMessages(), jsonb);
        this.registry = new LocalRegistry(codec);
        this.bus = LocalClusterNode.join(path, config, registry);
        this.context = new EndpointContext(config, listener, codec, new PayloadDecoder(jsonb), registry);
        this.serverEndpointConfig = ServerEndpointConfig.Builder.create(SessionEndpoint.class, path)
                .configurator(new SockeyeConfigurator(config, registry, () -> new SessionEndpoint(context)))
                .subprotocols(config.subprotocols())
                .extensions(ContainerSupport.extensions(config))
                .build();
    }

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
    public ConnectionRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        registry.goAway(context);
        if (bus != null) {
            bus.close();
        }
    }

    @Override
    public ServerEndpointConfig serverEndpointConfig() {
        return serverEndpointConfig;
    }
}
