package dev.sockeye;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once when a connection of an {@link EventEndpoint} ends, whoever ended it, after it has
 * left every room. A per-connection instance is released (CDI: destroyed) right after this method.
 *
 * <p>Parameters, in any order: {@link Connection}, {@link Handshake}, {@link ConnectionRegistry},
 * and {@code @PathParam("name") String}. Returns {@code void}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnect {
}
