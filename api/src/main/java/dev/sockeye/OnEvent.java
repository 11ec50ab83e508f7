package dev.sockeye;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one named event of an {@link EventEndpoint}, as
 * {@link Connection#on(String, PayloadType, java.util.function.Consumer)} does.
 *
 * <p>Parameters, in any order: {@link Connection}, {@link Handshake}, {@link ConnectionRegistry},
 * {@code @PathParam("name") String}, and at most one payload parameter: any other type, decoded
 * from the event's payload as the connection's typed listeners decode it (generic types such as
 * {@code List<Move>} included). Without a payload parameter the payload is ignored.
 *
 * <p>Return value: {@code void} sends nothing. Any other value is emitted back to the sender on the
 * same event, as {@code connection.emit(event, value)} would; {@code null} sends nothing. A returned
 * {@link java.util.concurrent.CompletionStage} is emitted when it completes (a failure is logged).
 *
 * <p>An exception thrown by the method reaches the connection's error listeners (and its
 * {@link OnError} method) as a {@link ListenerException}; the connection stays open.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnEvent {

    /** @return the event name: not empty, without {@code ';'}; one method per event and class */
    String value();
}
