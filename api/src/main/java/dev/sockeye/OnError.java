package dev.sockeye;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives the problems of a connection of an {@link EventEndpoint}, as
 * {@link Connection#onError(java.util.function.Consumer)} does: a handler that threw (a
 * {@link ListenerException} whose cause is what the method threw; a checked exception is wrapped in
 * a {@link java.lang.reflect.UndeclaredThrowableException} first), a payload that could not be
 * decoded ({@link PayloadDecodeException}), a malformed frame, a failed write.
 *
 * <p>Parameters, in any order: exactly one {@link Throwable} (or a subclass: then only problems of
 * that class reach the method, and the others are logged), and optionally {@link Connection},
 * {@link Handshake}, {@link ConnectionRegistry}, {@code @PathParam("name") String}. Returns
 * {@code void}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnError {
}
