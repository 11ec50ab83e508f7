package dev.sockeye;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles the native messages of an {@link EventEndpoint}'s connections (frames without the event
 * prefix), as {@link Connection#onMessage(java.util.function.Consumer)} does.
 *
 * <p>Parameters, in any order: {@link Connection}, {@link Handshake}, {@link ConnectionRegistry},
 * {@code @PathParam("name") String}, and at most one message parameter: {@code byte[]} (the bytes,
 * the method's own copy), {@code java.nio.ByteBuffer} (the same bytes) or {@code String} (the
 * bytes as UTF-8). Returns {@code void}, or a {@code String} or {@code byte[]} that is sent back to
 * the sender as a native message ({@code null} sends nothing).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnNativeMessage {
}
