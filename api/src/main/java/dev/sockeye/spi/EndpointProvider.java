package dev.sockeye.spi;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.SockeyeEndpoint;

import jakarta.websocket.DeploymentException;

import java.util.List;

/**
 * Creates endpoints; found with {@link java.util.ServiceLoader}. The {@code sockeye-impl} jar
 * provides the one implementation. Not for application code: use {@link dev.sockeye.Sockeye}.
 */
public interface EndpointProvider {

    /** @return a new endpoint; see {@link dev.sockeye.Sockeye#endpoint(String, Config, ConnectionListener)} */
    SockeyeEndpoint create(String path, Config config, ConnectionListener listener);

    /** @return a new endpoint for an annotated class; see {@link dev.sockeye.Sockeye#endpoint(Class)} */
    SockeyeEndpoint create(Class<?> endpointClass) throws DeploymentException;

    /**
     * @return the endpoints of several annotated classes, neffos ones grouped by path; see
     *         {@link dev.sockeye.Sockeye#endpoints(Class[])}
     */
    List<SockeyeEndpoint> create(List<Class<?>> endpointClasses) throws DeploymentException;

    /**
     * @param sharedWith the endpoint whose registry the new one shares, or {@code null} for its own
     * @return a new neffos endpoint; see {@link dev.sockeye.Sockeye#neffosEndpoint} and
     *         {@link dev.sockeye.Sockeye#neffosEndpointSharing}
     * @throws UnsupportedOperationException by default: a provider without the neffos protocol
     */
    default SockeyeEndpoint createNeffos(String path, Config config, dev.sockeye.neffos.Namespaces namespaces,
                                         SockeyeEndpoint sharedWith) throws DeploymentException {
        throw new UnsupportedOperationException(getClass().getName() + " does not provide the neffos protocol");
    }
}
