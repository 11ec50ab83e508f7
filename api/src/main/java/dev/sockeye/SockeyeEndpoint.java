package dev.sockeye;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * One Sockeye endpoint: a path, its configuration, its connection listener and the registry of
 * its connections. Create it with {@link Sockeye#endpoint(String, Config, ConnectionListener)},
 * then deploy it to a container once.
 *
 * <p>Thread-safety: all methods are safe from any thread.
 */
public interface SockeyeEndpoint {

    /** @return the path the endpoint is deployed at, for example {@code /chat} */
    String path();

    /** @return the endpoint's configuration */
    Config config();

    /** @return the registry of this endpoint's connections; usable before and after deployment */
    ConnectionRegistry registry();

    /**
     * @return the configuration to pass to {@link ServerContainer#addEndpoint(ServerEndpointConfig)};
     *         the same instance every time
     */
    ServerEndpointConfig serverEndpointConfig();

    /** Deploys the endpoint: {@code container.addEndpoint(serverEndpointConfig())}. */
    default void deploy(ServerContainer container) throws DeploymentException {
        container.addEndpoint(serverEndpointConfig());
    }
}
