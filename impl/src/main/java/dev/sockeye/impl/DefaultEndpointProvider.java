package dev.sockeye.impl;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.annotated.AnnotatedEndpoint;
import dev.sockeye.spi.EndpointProvider;

import jakarta.websocket.DeploymentException;

/** The {@link EndpointProvider} found by {@link java.util.ServiceLoader}. */
public final class DefaultEndpointProvider implements EndpointProvider {

    @Override
    public SockeyeEndpoint create(String path, Config config, ConnectionListener listener) {
        return new DefaultEndpoint(path, config, listener);
    }

    @Override
    public SockeyeEndpoint create(Class<?> endpointClass) throws DeploymentException {
        AnnotatedEndpoint annotated = AnnotatedEndpoint.prepare(endpointClass);
        return new DefaultEndpoint(annotated.path(), annotated.config(), annotated.listener());
    }

    @Override
    public SockeyeEndpoint createNeffos(String path, Config config, dev.sockeye.Namespaces namespaces,
                                        SockeyeEndpoint sharedWith) throws DeploymentException {
        return dev.sockeye.impl.neffos.NeffosEndpoint.create(path, config, namespaces, sharedWith,
                ContainerSupport.extensions(config));
    }
}
