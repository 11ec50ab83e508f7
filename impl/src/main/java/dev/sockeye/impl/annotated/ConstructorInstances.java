package dev.sockeye.impl.annotated;

import dev.sockeye.spi.EndpointInstances;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;

/**
 * The instances of an endpoint class without CDI: a new one per connection from the public
 * no-argument constructor (prepared once as a method handle), dropped when the connection ends.
 */
final class ConstructorInstances {

    private ConstructorInstances() {
    }

    /** @return the factory, or {@code null} after adding a problem when the class has no usable constructor */
    static <T> EndpointInstances.Factory<T> factory(Class<T> type, List<String> problems) {
        MethodHandle constructor;
        try {
            constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problems.add(type.getSimpleName() + " has no public no-argument constructor, which is needed without CDI "
                    + "(one instance is created per connection)");
            return null;
        }
        return () -> {
            T instance = type.cast(construct(constructor, type));
            return new EndpointInstances.Managed<>() {
                @Override
                public T instance() {
                    return instance;
                }

                @Override
                public void release() {
                    // nothing holds the instance: it is garbage once the connection is gone
                }
            };
        };
    }

    private static Object construct(MethodHandle constructor, Class<?> type) {
        try {
            return (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new UndeclaredThrowableException(checked, "the constructor of " + type.getName() + " threw " + checked);
        }
    }
}
