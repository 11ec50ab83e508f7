package dev.sockeye.spi;

import jakarta.websocket.DeploymentException;

import java.util.Optional;

/**
 * Supplies the instances of {@link dev.sockeye.EventEndpoint} classes (and of their
 * {@link dev.sockeye.EventEndpoint#config() config} suppliers). Found with
 * {@link java.util.ServiceLoader}: the first provider that returns a factory for a class is used;
 * when none does, instances are created with the class's public no-argument constructor, one per
 * connection. The {@code sockeye-jakarta-ee} jar provides one that takes instances from CDI.
 *
 * <p>Implementations must be thread-safe.
 */
public interface EndpointInstances {

    /**
     * Prepares, once per class when its endpoint is created, how its instances are obtained.
     *
     * @param type the endpoint or config class
     * @return the factory, or empty when this provider cannot serve here (for example because no
     *         CDI container is running)
     * @throws DeploymentException if the class can never be instantiated here; the message says why
     */
    <T> Optional<Factory<T>> factory(Class<T> type) throws DeploymentException;

    /**
     * Creates or looks up instances of one class. Called concurrently, once per connection.
     *
     * @param <T> the class
     */
    @FunctionalInterface
    interface Factory<T> {
        /** @return an instance for one new connection, with the way to release it */
        Managed<T> create();
    }

    /**
     * One instance handed to one connection.
     *
     * @param <T> the class
     */
    interface Managed<T> {
        /** @return the instance; the same object until {@link #release()} */
        T instance();

        /** Called once, when the connection has ended: destroys a per-connection instance, leaves a shared one alone. */
        void release();
    }
}
