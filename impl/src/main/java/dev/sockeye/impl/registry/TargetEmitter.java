package dev.sockeye.impl.registry;

import dev.sockeye.Emitter;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.route.Router;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Encodes once and routes the frame to a target. Immutable. */
record TargetEmitter(Router router, IrisCodec codec, Target target) implements Emitter {

    @Override
    public CompletionStage<Void> emit(String event, Object value) {
        try {
            return router.route(target, codec.message(event, value));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> emitMessage(byte[] message) {
        return router.route(target, Message.nativeMessage(message.clone()));
    }
}
