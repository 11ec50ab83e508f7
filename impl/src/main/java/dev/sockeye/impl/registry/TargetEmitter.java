package dev.sockeye.impl.registry;

import dev.sockeye.Emitter;
import dev.sockeye.Target;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.route.Router;

import jakarta.json.bind.Jsonb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Encodes the value once and routes it to a target, with the message's scopes: optionally without
 * one connection, optionally only to the connections of one protocol scope (a neffos namespace).
 * Each recipient's protocol frames it by its own rules. It routes through the registry's router, so
 * with a cluster bus every node delivers it, scopes included. Immutable.
 *
 * @param excludedId the connection that does not receive, or {@code null}
 * @param scope      the protocol scope a recipient must have, or {@code null}
 */
record TargetEmitter(Router router, Jsonb jsonb, Target target, String excludedId, String scope) implements Emitter {

    @Override
    public CompletionStage<Void> emit(String event, Object value) {
        Message message;
        try {
            message = Message.of(event, value, jsonb);
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
        return router.route(target, message.excluding(excludedId).inScope(scope));
    }
}
