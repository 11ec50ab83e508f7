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

    /**
     * @return the protocol the endpoint speaks: {@link Protocol#NEFFOS} for the endpoints of
     *         {@link Sockeye#neffosEndpoint} and of neffos {@link EventEndpoint} classes,
     *         {@link Protocol#IRIS} (the default) for the others
     */
    default Protocol protocol() {
        return Protocol.IRIS;
    }

    /** @return the registry of this endpoint's connections; usable before and after deployment */
    ConnectionRegistry registry();

    /**
     * @return the configuration to pass to {@link ServerContainer#addEndpoint(ServerEndpointConfig)};
     *         the same instance every time
     */
    ServerEndpointConfig serverEndpointConfig();

    /**
     * Closes the endpoint when its application stops: ends each of its open connections with close
     * code 1001 (going away), as a server disconnect does (leave listeners, disconnect listeners,
     * queued frames flushed first), waits until their close frames are written (5 seconds at most in
     * all), then stops the endpoint's cluster bus, if it has one, which removes this node from the
     * cluster's state. A connection whose handshake completes while it runs, or later (a container
     * that still routes to the endpoint), is ended at once with 1001 "endpoint closed" before any
     * listener sees it (a neffos client's dial is refused with {@code endpoint closed}). Call it when
     * the application stops, for example in {@code ServletContextListener.contextDestroyed} (in a
     * web application with the {@code sockeye-jakarta-ee} jar, the annotated endpoints are closed so
     * without this call). Blocks the calling thread while the disconnect listeners run. Idempotent;
     * safe to call from any thread, also while clients connect.
     */
    void close();

    /** Deploys the endpoint: {@code container.addEndpoint(serverEndpointConfig())}. */
    default void deploy(ServerContainer container) throws DeploymentException {
        container.addEndpoint(serverEndpointConfig());
    }
}
