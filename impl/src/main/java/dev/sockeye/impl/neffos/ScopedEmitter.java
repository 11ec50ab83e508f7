package dev.sockeye.impl.neffos;

import dev.sockeye.Emitter;
import dev.sockeye.Target;
import dev.sockeye.impl.route.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An emitter to a registry target already translated from a namespace's point of view
 * ({@code ns/room}, {@code ns/}), optionally without one connection. The body is encoded once; each
 * recipient gets the frame of its own protocol. Immutable.
 *
 * <p>Without an exclusion it emits through the registry's own emitter, which is cluster-wide when
 * the endpoint has a cluster bus (its body rules are the same for every non-null value; {@code null}
 * is sent as the empty text neffos means by it). With an exclusion, or an event name the Iris codec
 * refuses ({@code ';'}), it routes on this node only.
 *
 * @param excludedId the connection that does not receive, or {@code null}
 */
record ScopedEmitter(NeffosContext context, Target target, String excludedId) implements Emitter {

    @Override
    public CompletionStage<Void> emit(String event, Object value) {
        if (excludedId == null && event != null && !event.isEmpty() && event.indexOf(';') < 0) {
            return context.registry().to(target).emit(event, value == null ? "" : value);
        }
        Message message;
        try {
            message = context.bodies().message(event, value);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return route(message);
    }

    @Override
    public CompletionStage<Void> emitMessage(byte[] message) {
        if (excludedId == null) {
            return context.registry().to(target).emitMessage(message);
        }
        return route(Message.nativeMessage(message.clone()));
    }

    private CompletionStage<Void> route(Message message) {
        return excludedId == null ? context.registry().route(target, message)
                : context.routeExcluding(target, message, excludedId);
    }
}
