package dev.sockeye.impl.neffos;

import dev.sockeye.spi.EndpointInstances;

import jakarta.websocket.DeploymentException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * How the instances of a controller class are made: the first {@link EndpointInstances} provider
 * that serves the class (CDI with {@code sockeye-jakarta-ee}), else its public no-argument
 * constructor, one instance per namespace connection. The same lookup as the Iris annotated
 * endpoints' ({@code impl.annotated.AnnotatedEndpoint}), whose helpers are private to that package.
 */
final class ControllerInstances {

    private static final System.Logger LOG = System.getLogger(ControllerInstances.class.getName());

    private ControllerInstances() {
    }

    /** @return the factory, or {@code null} after adding a problem */
    static EndpointInstances.Factory<?> factory(Class<?> type, List<String> problems) {
        for (EndpointInstances provider : providers(type.getClassLoader())) {
            try {
                Optional<? extends EndpointInstances.Factory<?>> factory = provider.factory(type);
                if (factory.isPresent()) {
                    return factory.get();
                }
            } catch (DeploymentException e) {
                problems.add(e.getMessage());
                return null;
            }
        }
        return constructor(type, problems);
    }

    private static EndpointInstances.Factory<?> constructor(Class<?> type, List<String> problems) {
        MethodHandle constructor;
        try {
            constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problems.add(type.getSimpleName() + " has no public no-argument constructor, which is needed without CDI "
                    + "(one instance is created per namespace connection)");
            return null;
        }
        return () -> {
            Object instance;
            try {
                instance = (Object) constructor.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable checked) {
                throw new IllegalStateException("the constructor of " + type.getName() + " threw " + checked, checked);
            }
            return new EndpointInstances.Managed<>() {
                @Override
                public Object instance() {
                    return instance;
                }

                @Override
                public void release() {
                    // nothing holds it: garbage once the namespace connection is gone
                }
            };
        };
    }

    private static List<EndpointInstances> providers(ClassLoader typeLoader) {
        Map<String, EndpointInstances> found = new LinkedHashMap<>();
        for (ClassLoader loader : new ClassLoader[] {typeLoader, Thread.currentThread().getContextClassLoader(),
                ControllerInstances.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            Iterator<EndpointInstances> providers = ServiceLoader.load(EndpointInstances.class, loader).iterator();
            while (true) {
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    EndpointInstances provider = providers.next();
                    found.putIfAbsent(provider.getClass().getName(), provider);
                } catch (ServiceConfigurationError e) {
                    LOG.log(System.Logger.Level.DEBUG, "skipping an EndpointInstances provider that cannot load", e);
                }
            }
        }
        return List.copyOf(found.values());
    }
}
