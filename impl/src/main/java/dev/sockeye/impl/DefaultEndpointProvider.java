package dev.sockeye.impl;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.core.CoreEndpoint;
import dev.sockeye.impl.protocol.iris.IrisProtocol;
import dev.sockeye.impl.protocol.neffos.NeffosProtocol;
import dev.sockeye.spi.EndpointProvider;

import jakarta.websocket.DeploymentException;

import java.util.List;
import java.util.Objects;

/** The {@link EndpointProvider} found by {@link java.util.ServiceLoader}. */
public final class DefaultEndpointProvider implements EndpointProvider {

    @Override
    public SockeyeEndpoint create(String path, Config config, ConnectionListener listener) {
        return iris(path, config, listener);
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
        return neffos(path, config, namespaces, sharedWith);
    }

    /** @return an endpoint speaking the Iris protocol, every connection handed to {@code listener} */
    static SockeyeEndpoint iris(String path, Config config, ConnectionListener listener) {
        Objects.requireNonNull(listener, "listener");
        return CoreEndpoint.create(path, config, null, jsonb -> new IrisProtocol(config, jsonb, listener));
    }

    /**
     * @return an endpoint speaking the neffos protocol, with a registry of its own or the one of
     *         {@code sharedWith}
     * @throws DeploymentException listing every problem of the namespaces' controllers
     */
    static SockeyeEndpoint neffos(String path, Config config, Namespaces namespaces, SockeyeEndpoint sharedWith)
            throws DeploymentException {
        Objects.requireNonNull(namespaces, "namespaces");
        NeffosProtocol protocol = NeffosProtocol.create(Objects.requireNonNull(config, "config"), namespaces);
        return CoreEndpoint.create(path, config, sharedWith, jsonb -> protocol);
    }
}
