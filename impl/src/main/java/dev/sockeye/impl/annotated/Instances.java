package dev.sockeye.impl.annotated;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.spi.EndpointInstances;

import jakarta.websocket.DeploymentException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * How the instances of an annotated class (an {@link EventEndpoint} class, a
 * {@link dev.sockeye.neffos.NeffosController}, a config supplier) are made: by the first
 * {@link EndpointInstances} provider that serves the class (CDI with {@code sockeye-jakarta-ee}),
 * else with its public no-argument constructor. Decided once per class, at deployment.
 */
public final class Instances {

    private static final System.Logger LOG = System.getLogger(Instances.class.getName());

    private Instances() {
    }

    /** @return the factory, or {@code null} after adding a problem */
    public static <T> EndpointInstances.Factory<T> factory(Class<T> type, List<String> problems) {
        for (EndpointInstances provider : providers(type.getClassLoader())) {
            try {
                Optional<EndpointInstances.Factory<T>> factory = provider.factory(type);
                if (factory.isPresent()) {
                    return factory.get();
                }
            } catch (DeploymentException e) {
                problems.add(e.getMessage());
                return null;
            } catch (RuntimeException e) {
                problems.add(type.getSimpleName() + " cannot be instantiated by " + provider.getClass().getSimpleName()
                        + ": " + e);
                return null;
            }
        }
        return ConstructorInstances.factory(type, problems);
    }

    /**
     * Asks an instance of a config supplier class for the configuration, once.
     *
     * @return the configuration, or {@code null} after adding a problem
     */
    public static Config config(Class<? extends Supplier<Config>> type, List<String> problems) {
        if (type == EventEndpoint.DefaultConfig.class) {
            return Config.defaults();
        }
        EndpointInstances.Factory<? extends Supplier<Config>> factory = factory(type, problems);
        if (factory == null) {
            return null;
        }
        EndpointInstances.Managed<? extends Supplier<Config>> supplier = null;
        try {
            supplier = factory.create();
            Config config = supplier.instance().get();
            if (config == null) {
                problems.add("config " + type.getSimpleName() + ".get() returned null");
            }
            return config;
        } catch (RuntimeException e) {
            problems.add("config " + type.getSimpleName() + " failed: " + e);
            return null;
        } finally {
            if (supplier != null) {
                supplier.release();
            }
        }
    }

    /** The providers visible from the class's loader, the context loader and ours; each once. */
    private static List<EndpointInstances> providers(ClassLoader typeLoader) {
        Map<String, EndpointInstances> found = new LinkedHashMap<>();
        for (ClassLoader loader : new ClassLoader[] {typeLoader, Thread.currentThread().getContextClassLoader(),
                Instances.class.getClassLoader()}) {
            if (loader != null) {
                Iterator<EndpointInstances> providers = ServiceLoader.load(EndpointInstances.class, loader).iterator();
                while (hasNext(providers)) {
                    EndpointInstances provider = providers.next();
                    found.putIfAbsent(provider.getClass().getName(), provider);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** A provider that cannot load here (its API is missing) is skipped, not fatal. */
    private static boolean hasNext(Iterator<EndpointInstances> providers) {
        while (true) {
            try {
                return providers.hasNext();
            } catch (ServiceConfigurationError e) {
                LOG.log(System.Logger.Level.DEBUG, "skipping an EndpointInstances provider that cannot load", e);
            }
        }
    }
}
