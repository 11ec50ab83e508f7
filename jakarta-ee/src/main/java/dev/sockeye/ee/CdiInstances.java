package dev.sockeye.ee;

import dev.sockeye.spi.EndpointInstances;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import jakarta.websocket.DeploymentException;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three lifecycles of an endpoint class under CDI, chosen once per class:
 * <ul>
 *   <li>an {@code @ApplicationScoped} bean or one of another pseudo-scope ({@code @Singleton}): one
 *       shared instance for every connection;</li>
 *   <li>a {@code @Dependent} bean: a new instance per connection, destroyed ({@code @PreDestroy})
 *       when the connection ends;</li>
 *   <li>not a bean (no bean-defining annotation in an "annotated" bean archive): a new instance per
 *       connection through {@link Unmanaged}, with injection, {@code @PostConstruct}, and
 *       {@code @PreDestroy} plus disposal when the connection ends.</li>
 * </ul>
 * The constructor and the injection points of a non-bean class are checked when the endpoint is
 * created, so that a missing constructor or an unsatisfied {@code @Inject} fails the deployment
 * instead of the first connection; so is a bean of another normal scope ({@code @RequestScoped},
 * {@code @SessionScoped}...), whose context is not active for a connection's messages.
 */
final class CdiInstances {

    private CdiInstances() {
    }

    static boolean running() {
        try {
            return CDI.current().getBeanManager() != null;
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
    }

    static <T> EndpointInstances.Factory<T> factory(Class<T> type) throws DeploymentException {
        BeanManager beans = CDI.current().getBeanManager();
        Bean<T> bean = beanOf(beans, type);
        if (bean == null) {
            return unmanaged(beans, type);
        }
        Class<? extends Annotation> scope = bean.getScope();
        if (beans.isNormalScope(scope) && !ApplicationScoped.class.equals(scope)) {
            // its context is not active on WebSocket threads (request, session, conversation), or not
            // for the whole of a connection: every message would fail
            throw new DeploymentException(type.getSimpleName() + " is @" + scope.getSimpleName() + ", whose context is "
                    + "not active for a connection's messages; accepted: @ApplicationScoped or @Singleton (one "
                    + "instance for every connection), @Dependent or no bean-defining annotation (one instance per "
                    + "connection)");
        }
        if (Dependent.class.equals(scope)) {
            return () -> {
                CreationalContext<T> context = beans.createCreationalContext(bean);
                T instance = bean.create(context);
                return managed(instance, () -> bean.destroy(instance, context));
            };
        }
        T shared = type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
        return () -> managed(shared, () -> { });
    }

    /** @return the bean whose class is exactly {@code type}, or {@code null} if the class is not a bean */
    @SuppressWarnings("unchecked")
    private static <T> Bean<T> beanOf(BeanManager beans, Class<T> type) throws DeploymentException {
        Set<Bean<?>> own = beans.getBeans(type).stream()
                .filter(bean -> bean.getBeanClass().equals(type) && bean.getTypes().contains(type))
                .collect(Collectors.toSet());
        if (own.size() > 1) {
            throw new DeploymentException(type.getSimpleName() + " is ambiguous in CDI: " + own);
        }
        return own.isEmpty() ? null : (Bean<T>) own.iterator().next();
    }

    private static <T> EndpointInstances.Factory<T> unmanaged(BeanManager beans, Class<T> type) throws DeploymentException {
        AnnotatedType<T> annotated = beans.createAnnotatedType(type);
        if (annotated.getConstructors().stream()
                .noneMatch(c -> c.getParameters().isEmpty() || c.isAnnotationPresent(Inject.class))) {
            // CDI would only fail when the first connection asks for an instance
            throw new DeploymentException(type.getSimpleName() + " has no constructor without parameters and none "
                    + "annotated @Inject, which CDI needs to create one instance per connection");
        }
        InjectionTarget<T> target;
        try {
            target = beans.getInjectionTargetFactory(annotated).createInjectionTarget(null);
        } catch (RuntimeException unsatisfied) { // Weld validates the injection points here
            throw new DeploymentException(type.getSimpleName() + " has unsatisfied injection points: "
                    + unsatisfied.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (InjectionPoint point : target.getInjectionPoints()) {
            try {
                beans.validate(point);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new DeploymentException(type.getSimpleName() + " has unsatisfied injection points: "
                    + String.join("; ", problems));
        }
        Unmanaged<T> unmanaged = new Unmanaged<>(beans, type);
        return () -> {
            Unmanaged.UnmanagedInstance<T> instance = unmanaged.newInstance().produce().inject().postConstruct();
            return managed(instance.get(), () -> instance.preDestroy().dispose());
        };
    }

    private static <T> EndpointInstances.Managed<T> managed(T instance, Runnable release) {
        return new EndpointInstances.Managed<>() {
            @Override
            public T instance() {
                return instance;
            }

            @Override
            public void release() {
                release.run();
            }
        };
    }
}
