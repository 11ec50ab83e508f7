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
 * @param excludedId the connection that does not receive, or {@code null}
 */
record ScopedEmitter(NeffosContext context, Target target, String excludedId) implements Emitter {

    @Override
    public CompletionStage<Void> emit(String event, Object value) {
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
        return route(Message.nativeMessage(message.clone()));
    }

    private CompletionStage<Void> route(Message message) {
        return excludedId == null ? context.registry().route(target, message)
                : context.routeExcluding(target, message, excludedId);
    }
}
