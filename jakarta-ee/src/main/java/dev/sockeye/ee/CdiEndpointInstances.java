package dev.sockeye.ee;

import dev.sockeye.spi.EndpointInstances;

import jakarta.websocket.DeploymentException;

import java.util.Optional;

/**
 * Takes the instances of annotated endpoint classes (and of their config suppliers) from CDI when a
 * CDI container runs for the application; found through {@link java.util.ServiceLoader}. It names
 * no CDI type itself, so that it loads, and declines, where the CDI API is missing.
 */
public final class CdiEndpointInstances implements EndpointInstances {

    @Override
    public <T> Optional<Factory<T>> factory(Class<T> type) throws DeploymentException {
        if (!CdiPresence.cdiRunning()) {
            return Optional.empty();
        }
        return Optional.of(CdiInstances.factory(type));
    }
}
