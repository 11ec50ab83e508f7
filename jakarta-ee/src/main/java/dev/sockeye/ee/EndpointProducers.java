package dev.sockeye.ee;

import dev.sockeye.ConnectionRegistry;
import dev.sockeye.SockeyeEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;

/**
 * Makes each annotated endpoint's registry and endpoint injectable, selected by
 * {@link EndpointPath}. The registry is also the server-side emitter:
 * {@code registry.to(Target.room("news")).emit(...)} from a REST resource, an EJB timer or any bean.
 */
@ApplicationScoped
public class EndpointProducers {

    /** @return the registry of the endpoint named by the injection point's {@link EndpointPath} */
    @Produces
    @EndpointPath("")
    public ConnectionRegistry registry(InjectionPoint injectionPoint) {
        return endpoint(injectionPoint).registry();
    }

    /** @return the endpoint named by the injection point's {@link EndpointPath} */
    @Produces
    @EndpointPath("")
    public SockeyeEndpoint endpoint(InjectionPoint injectionPoint) {
        EndpointPath path = injectionPoint.getQualifiers().stream()
                .filter(EndpointPath.class::isInstance).map(EndpointPath.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no @EndpointPath on " + injectionPoint));
        return DeployedEndpoints.find(path.value());
    }
}
