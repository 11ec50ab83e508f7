package dev.sockeye.ee;

import dev.sockeye.SockeyeEndpoint;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.util.List;

/**
 * Deploys the endpoints found by {@link SockeyeInitializer} to the context's
 * {@link ServerContainer}: at once when the container is already there, else when the context is
 * initialized (the fallback for Tyrus-based containers). When the context is destroyed (the
 * application is undeployed, redeployed or the server stops), it forgets them and
 * {@linkplain SockeyeEndpoint#close() closes} each: their connections end with close code 1001,
 * their disconnect listeners run while the application is still there, and their cluster buses
 * stop. The same happens when deploying them fails.
 */
public final class SockeyeDeployer implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(SockeyeDeployer.class.getName());

    private final List<SockeyeEndpoint> endpoints;
    private volatile boolean deployed;

    SockeyeDeployer(List<SockeyeEndpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /**
     * Deploys the endpoints if the context has its {@link ServerContainer}.
     *
     * @return whether they are deployed now
     */
    boolean deployIfReady(ServletContext context) {
        ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        if (container == null) {
            return false;
        }
        for (SockeyeEndpoint endpoint : endpoints) {
            try {
                endpoint.deploy(container);
            } catch (DeploymentException | RuntimeException e) {
                close(context);
                throw new IllegalStateException("Sockeye: cannot deploy " + endpoint.path() + ": " + e.getMessage(), e);
            }
        }
        deployed = true;
        return true;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!deployed && !endpoints.isEmpty() && !deployIfReady(event.getServletContext())) {
            throw new IllegalStateException("Sockeye: the servlet context has no " + ServerContainer.class.getName()
                    + " attribute: this container does not support Jakarta WebSocket, or it is disabled");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        close(event.getServletContext());
    }

    /** Forgets the endpoints, then closes each; one that fails to close does not keep the others open. */
    void close(ServletContext context) {
        DeployedEndpoints.forget(context.getClassLoader());
        for (SockeyeEndpoint endpoint : endpoints) {
            try {
                endpoint.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Sockeye: closing " + endpoint.path() + " failed", e);
            }
        }
    }
}
