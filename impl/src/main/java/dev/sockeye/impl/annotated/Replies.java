package dev.sockeye.impl.annotated;

import dev.sockeye.Connection;

import java.util.concurrent.CompletionStage;

/** Sends what a handler method returned back to its sender (the rule documented on {@code @OnEvent}). */
final class Replies {

    private static final System.Logger LOG = System.getLogger(Replies.class.getName());

    private Replies() {
    }

    /** Emits {@code result} on {@code event}; {@code null} sends nothing, a stage is emitted when it completes. */
    static void event(Connection connection, String event, HandlerMethod handler, Object result) {
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    LOG.log(System.Logger.Level.WARNING, "the stage returned by " + handler + " for connection "
                            + connection.id() + " failed; nothing is emitted", failure);
                } else if (value != null) {
                    connection.emit(event, value);
                }
            });
        } else if (result != null) {
            connection.emit(event, result);
        }
    }

    /** Sends {@code result} (a {@code String} or {@code byte[]}) as a native message; {@code null} sends nothing. */
    static void nativeMessage(Connection connection, Object result) {
        if (result instanceof String text) {
            connection.emitMessage(text);
        } else if (result instanceof byte[] bytes) {
            connection.emitMessage(bytes);
        }
    }
}
