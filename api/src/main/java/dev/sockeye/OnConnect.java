package dev.sockeye;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called for each new connection of an {@link EventEndpoint} (Iris's {@code OnConnection}), after
 * the class's other handlers are registered and before the connection's first message is read.
 *
 * <p>Parameters, in any order: {@link Connection}, {@link Handshake}, {@link ConnectionRegistry},
 * and {@code @PathParam("name") String}. Returns {@code void}. An exception closes the connection
 * with code 1011 (its {@link OnDisconnect} method still runs).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnect {
}
