package dev.sockeye;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called each time a connection of an {@link EventEndpoint} leaves a room, explicitly or because
 * it disconnects (then once per room, its own ID room included, before {@link OnDisconnect}).
 *
 * <p>Parameters, in any order: {@link Connection}, {@link Handshake}, {@link ConnectionRegistry},
 * {@code @PathParam("name") String}, and at most one {@code String} without annotation: the room.
 * Returns {@code void}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnLeave {
}
