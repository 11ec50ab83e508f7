package dev.sockeye.impl.core;

import dev.sockeye.Connection;
import dev.sockeye.PayloadType;
import dev.sockeye.impl.dispatch.Listeners;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The listener registrations of a {@link Connection}, whatever its protocol: each one is kept by the
 * connection's {@link Listeners}, which the connection's endpoint calls as frames and events arrive.
 */
public interface ListeningConnection extends Connection {

    /** @return the listeners registered on this connection */
    Listeners listeners();

    @Override
    default <T> void on(String event, Class<T> type, Consumer<? super T> handler) {
        listeners().on(event, PayloadType.of(type), handler);
    }

    @Override
    default <T> void on(String event, PayloadType<T> type, Consumer<? super T> handler) {
        listeners().on(event, type, handler);
    }

    @Override
    default void on(String event, Runnable handler) {
        listeners().on(event, handler);
    }

    @Override
    default void onMessage(Consumer<byte[]> handler) {
        listeners().onMessage(handler);
    }

    @Override
    default void onLeave(Consumer<String> handler) {
        listeners().onLeave(handler);
    }

    @Override
    default void onDisconnect(Runnable handler) {
        listeners().onDisconnect(handler);
    }

    @Override
    default void onError(Consumer<Throwable> handler) {
        listeners().onError(handler);
    }

    @Override
    default void onPing(Runnable handler) {
        listeners().onPing(handler);
    }

    @Override
    default void onPong(Runnable handler) {
        listeners().onPong(handler);
    }

    @Override
    default void fireError(Throwable problem) {
        listeners().error(Objects.requireNonNull(problem, "problem"));
    }
}
