package dev.sockeye.impl.neffos;

import dev.sockeye.Emitter;
import dev.sockeye.Target;
import dev.sockeye.impl.route.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An emitter to a registry target already translated from a namespace's point of view
 * ({@code ns/room}, {@code ns/}, a connection ID), with the message's scopes: optionally without one
 * connection, optionally only in one namespace. The body is encoded once, by the neffos rules of
 * {@link Bodies}; each recipient gets the frame of its own protocol. It routes through the
 * registry's router, so with a cluster bus every node delivers it, scopes included. Immutable.
 *
 * @param excludedId the connection that does not receive, or {@code null}
 * @param namespace  the namespace a recipient must be connected to, and is framed in, or {@code null}
 */
record ScopedEmitter(NeffosContext context, Target target, String excludedId, String namespace) implements Emitter {

    /** @return an emitter to every connection {@code target} names */
    static ScopedEmitter to(NeffosContext context, Target target) {
        return new ScopedEmitter(context, target, null, null);
    }

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
        return context.route(target, message.excluding(excludedId).inNamespace(namespace));
    }
}
