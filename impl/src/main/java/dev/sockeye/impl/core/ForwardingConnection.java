package dev.sockeye.impl.core;

import dev.sockeye.ConnectionRegistry;
import dev.sockeye.ConnectionValues;
import dev.sockeye.Emitter;
import dev.sockeye.Handshake;
import dev.sockeye.Target;
import dev.sockeye.impl.dispatch.Listeners;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A protocol's richer view of a core connection (neffos's {@code NeffosConnection}): every
 * {@link dev.sockeye.Connection} method is the core connection's, so the view adds only what its
 * protocol has. Thread-safe as the core connection is.
 */
public abstract class ForwardingConnection implements ListeningConnection {

    private final CoreConnection core;

    protected ForwardingConnection(CoreConnection core) {
        this.core = core;
    }

    /** @return the core connection behind this view */
    protected final CoreConnection core() {
        return core;
    }

    @Override
    public final Listeners listeners() {
        return core.listeners();
    }

    @Override
    public final String id() {
        return core.id();
    }

    @Override
    public final Handshake handshake() {
        return core.handshake();
    }

    @Override
    public final CompletionStage<Void> emit(String event, Object value) {
        return core.emit(event, value);
    }

    @Override
    public final CompletionStage<Void> emitMessage(byte[] message) {
        return core.emitMessage(message);
    }

    @Override
    public final ConnectionValues values() {
        return core.values();
    }

    @Override
    public final Emitter to(Target target) {
        return core.to(target);
    }

    @Override
    public final boolean join(String room) {
        return core.join(room);
    }

    @Override
    public final boolean leave(String room) {
        return core.leave(room);
    }

    @Override
    public final boolean isJoined(String room) {
        return core.isJoined(room);
    }

    @Override
    public final Set<String> rooms() {
        return core.rooms();
    }

    @Override
    public final boolean isOpen() {
        return core.isOpen();
    }

    @Override
    public final CompletionStage<Void> disconnect() {
        return core.disconnect();
    }

    @Override
    public final ConnectionRegistry registry() {
        return core.registry();
    }
}
