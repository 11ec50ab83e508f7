package dev.sockeye.ee;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the Sockeye endpoint of this web application whose registry (or endpoint) is injected:
 * <pre>{@code
 * @Inject @EndpointPath("/chat") ConnectionRegistry chat;
 * ...
 * chat.to(Target.room("news")).emit("headline", headline);
 * }</pre>
 * The path is the endpoint's path as declared ({@code @EventEndpoint("/chat")}), not including the
 * context path. Injecting a path that no endpoint of the application has fails with an
 * {@link IllegalStateException} naming the paths that exist. A registry injected before the
 * application's endpoints are deployed (into a {@code @Startup} EJB) finds its endpoint at its first
 * call instead, and fails then if there is none.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface EndpointPath {

    /** @return the endpoint path, for example {@code /chat} */
    @Nonbinding
    String value();
}
