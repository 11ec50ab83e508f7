package dev.sockeye.impl;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.neffos.NeffosEndpoint;
import dev.sockeye.spi.EndpointProvider;

import jakarta.websocket.DeploymentException;

import java.util.List;

/** The {@link EndpointProvider} found by {@link java.util.ServiceLoader}. */
public final class DefaultEndpointProvider implements EndpointProvider {

    @Override
    public SockeyeEndpoint create(String path, Config config, ConnectionListener listener) {
        return new DefaultEndpoint(path, config, listener);
    }

    @Override
    public SockeyeEndpoint create(Class<?> endpointClass) throws DeploymentException {
        return EndpointClasses.one(endpointClass);
    }

    @Override
    public List<SockeyeEndpoint> create(List<Class<?>> endpointClasses) throws DeploymentException {
        return EndpointClasses.create(endpointClasses);
    }

    @Override
    public SockeyeEndpoint createNeffos(String path, Config config, Namespaces namespaces,
                                        SockeyeEndpoint sharedWith) throws DeploymentException {
        return NeffosEndpoint.create(path, config, namespaces, sharedWith, ContainerSupport.extensions(config));
    }
}
