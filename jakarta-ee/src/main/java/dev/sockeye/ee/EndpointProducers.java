package dev.sockeye.ee;

import dev.sockeye.ConnectionRegistry;
import dev.sockeye.SockeyeEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;

import java.lang.reflect.Member;

/**
 * Makes each annotated endpoint's registry and endpoint injectable, selected by
 * {@link EndpointPath}. The registry is also the server-side emitter:
 * {@code registry.to(Target.room("news")).emit(...)} from a REST resource, an EJB timer or any bean.
 *
 * <p>The application is the one of the class that declares the injection point (its class
 * loader), else the one of the injecting thread's context class loader. A registry injected before
 * the application's endpoints are deployed (into a {@code @Startup} EJB, which WildFly creates
 * before the web application starts) looks its endpoint up at its first call; otherwise a path
 * that no endpoint of the application has fails the injection at once.
 */
@ApplicationScoped
public class EndpointProducers {

    /** @return the registry of the endpoint named by the injection point's {@link EndpointPath} */
    @Produces
    @EndpointPath("")
    public ConnectionRegistry registry(InjectionPoint injectionPoint) {
        ClassLoader[] loaders = loaders(injectionPoint);
        String path = path(injectionPoint);
        if (!DeployedEndpoints.started(loaders)) {
            return new DeferredRegistry(path, loaders);
        }
        return DeployedEndpoints.find(path, loaders).registry();
    }

    /**
     * @return the endpoint named by the injection point's {@link EndpointPath}
     * @throws IllegalStateException if the application's endpoints are not deployed yet, or it
     *         has none at that path
     */
    @Produces
    @EndpointPath("")
    public SockeyeEndpoint endpoint(InjectionPoint injectionPoint) {
        return DeployedEndpoints.find(path(injectionPoint), loaders(injectionPoint));
    }

    private static String path(InjectionPoint injectionPoint) {
        return injectionPoint.getQualifiers().stream()
                .filter(EndpointPath.class::isInstance).map(EndpointPath.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no @EndpointPath on " + injectionPoint)).value();
    }

    /** The loader of the class with the injection point, then the thread's: see the class comment. */
    private static ClassLoader[] loaders(InjectionPoint injectionPoint) {
        Member member = injectionPoint.getMember();
        return new ClassLoader[] {member == null ? null : member.getDeclaringClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader()};
    }
}
