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
 * initialized (the fallback for Tyrus-based containers). Forgets them when the context is destroyed.
 */
public final class SockeyeDeployer implements ServletContextListener {

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
            } catch (DeploymentException e) {
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
        DeployedEndpoints.forget(event.getServletContext().getClassLoader());
    }
}
