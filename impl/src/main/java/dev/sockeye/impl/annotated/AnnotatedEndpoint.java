package dev.sockeye.impl.annotated;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.EventEndpoint;
import dev.sockeye.spi.EndpointInstances;

import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * An {@link EventEndpoint} class prepared for deployment: scanned and checked once, its instance
 * factory and configuration resolved. Hand {@link #path()}, {@link #config()} and
 * {@link #listener()} to the programmatic endpoint factory.
 *
 * @param listener binds each new connection to an instance of the class
 */
public record AnnotatedEndpoint(String path, Config config, ConnectionListener listener) {

    private static final System.Logger LOG = System.getLogger(AnnotatedEndpoint.class.getName());

    /**
     * Scans and checks {@code type}, finds how its instances are made (the first
     * {@link EndpointInstances} provider that serves it, else its constructor) and creates its
     * configuration.
     *
     * @throws DeploymentException naming the class and listing every problem found, one per line
     */
    public static AnnotatedEndpoint prepare(Class<?> type) throws DeploymentException {
        List<String> problems = new ArrayList<>();
        EndpointModel model = EndpointScanner.scan(type, problems);
        if (!problems.isEmpty()) {
            throw failure(type, problems);
        }
        List<EndpointInstances> providers = providers(type.getClassLoader());
        EndpointInstances.Factory<?> instances = factory(type, providers, problems);
        Config config = config(model.config(), providers, problems);
        if (!problems.isEmpty()) {
            throw failure(type, problems);
        }
        return new AnnotatedEndpoint(model.path(), config, new ConnectionBinding(model, instances));
    }

    private static <T> EndpointInstances.Factory<T> factory(Class<T> type, List<EndpointInstances> providers,
                                                            List<String> problems) {
        for (EndpointInstances provider : providers) {
            try {
                Optional<EndpointInstances.Factory<T>> factory = provider.factory(type);
                if (factory.isPresent()) {
                    return factory.get();
                }
            } catch (DeploymentException e) {
                problems.add(e.getMessage());
                return null;
            }
        }
        return ConstructorInstances.factory(type, problems);
    }

    private static Config config(Class<? extends Supplier<Config>> type, List<EndpointInstances> providers,
                                 List<String> problems) {
        if (type == EventEndpoint.DefaultConfig.class) {
            return Config.defaults();
        }
        EndpointInstances.Factory<? extends Supplier<Config>> factory = factory(type, providers, problems);
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

    /** The providers visible from the endpoint class's loader, the context loader and ours; each once. */
    private static List<EndpointInstances> providers(ClassLoader typeLoader) {
        Map<String, EndpointInstances> found = new LinkedHashMap<>();
        for (ClassLoader loader : new ClassLoader[] {typeLoader, Thread.currentThread().getContextClassLoader(),
                AnnotatedEndpoint.class.getClassLoader()}) {
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

    private static DeploymentException failure(Class<?> type, List<String> problems) {
        StringBuilder message = new StringBuilder("cannot deploy the Sockeye endpoint ").append(type.getName())
                .append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (int i = 0; i < problems.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return new DeploymentException(message.toString());
    }
}
