package dev.sockeye.impl.dispatch;

import dev.sockeye.ListenerException;
import dev.sockeye.PayloadDecodeException;
import dev.sockeye.PayloadType;
import dev.sockeye.impl.codec.InboundMessage;
import dev.sockeye.impl.codec.PayloadDecoder;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one connection and the dispatch of its inbound messages to them.
 *
 * <p>Registration is safe from any thread (copy-on-write lists: listeners are added rarely and read
 * on every message). Dispatch is called by the container one message at a time per connection.
 * A payload is decoded once per declared type per message.
 */
public final class Listeners {

    /** One event listener: the declared payload type ({@code null} for a no-argument listener) and the handler. */
    private record EventListener(Type type, Consumer<Object> handler) {
    }

    private final Map<String, List<EventListener>> events = new ConcurrentHashMap<>();
    private final List<Consumer<byte[]>> nativeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> leaveListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> disconnectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Throwable>> errorListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> pingListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> pongListeners = new CopyOnWriteArrayList<>();
    private final PayloadDecoder decoder;
    private final Consumer<Throwable> unhandledErrors;

    /**
     * @param unhandledErrors receives errors when no error listener is registered, and errors thrown
     *                        by error listeners themselves
     */
    public Listeners(PayloadDecoder decoder, Consumer<Throwable> unhandledErrors) {
        this.decoder = decoder;
        this.unhandledErrors = unhandledErrors;
    }

    @SuppressWarnings("unchecked")
    public <T> void on(String event, PayloadType<T> type, Consumer<? super T> handler) {
        requireEventName(event);
        java.util.Objects.requireNonNull(handler, "handler");
        add(event, new EventListener(type.type(), (Consumer<Object>) handler));
    }

    public void on(String event, Runnable handler) {
        requireEventName(event);
        java.util.Objects.requireNonNull(handler, "handler");
        add(event, new EventListener(null, payload -> handler.run()));
    }

    private void add(String event, EventListener listener) {
        events.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(listener);
    }

    private static void requireEventName(String event) {
        if (event == null || event.isEmpty() || event.indexOf(';') >= 0) {
            throw new IllegalArgumentException("an event name must be non-empty and contain no ';': " + event);
        }
    }

    public void onMessage(Consumer<byte[]> handler) {
        nativeListeners.add(java.util.Objects.requireNonNull(handler, "handler"));
    }

    public void onLeave(Consumer<String> handler) {
        leaveListeners.add(java.util.Objects.requireNonNull(handler, "handler"));
    }

    public void onDisconnect(Runnable handler) {
        disconnectListeners.add(java.util.Objects.requireNonNull(handler, "handler"));
    }

    public void onError(Consumer<Throwable> handler) {
        errorListeners.add(java.util.Objects.requireNonNull(handler, "handler"));
    }

    public void onPing(Runnable handler) {
        pingListeners.add(java.util.Objects.requireNonNull(handler, "handler"));
    }

    public void onPong(Runnable handler) {
        pongListeners.add(java.util.Objects.requireNonNull(handler, "handler"));
    }

    /** Calls the ping listeners: the server just pinged the peer. */
    public void pinged() {
        for (Runnable listener : pingListeners) {
            guarded("ping listener", listener);
        }
    }

    /** Calls the pong listeners: a pong arrived. */
    public void ponged() {
        for (Runnable listener : pongListeners) {
            guarded("pong listener", listener);
        }
    }

    /** Calls the listeners of an event frame; an event nobody listens to is ignored. */
    public void dispatch(InboundMessage.Event message) {
        List<EventListener> listeners = events.get(message.event());
        if (listeners == null) {
            return;
        }
        Type decodedType = null;
        Object decoded = null;
        for (EventListener listener : listeners) {
            Object argument = null;
            if (listener.type() != null) {
                if (!listener.type().equals(decodedType)) {
                    try {
                        decoded = decoder.decode(message, listener.type());
                        decodedType = listener.type();
                    } catch (PayloadDecodeException e) {
                        error(e);
                        continue;
                    }
                }
                argument = decoded;
            }
            try {
                listener.handler().accept(argument);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError vmError) {
                    throw vmError;
                }
                error(new ListenerException("listener of event '" + message.event() + "' threw " + e, e));
            }
        }
    }

    /** Calls the native message listeners, each with its own copy of the bytes. */
    public void dispatchNative(byte[] bytes) {
        for (Consumer<byte[]> listener : nativeListeners) {
            guarded("native message listener", () -> listener.accept(bytes.clone()));
        }
    }

    /** Calls the leave listeners. */
    public void left(String room) {
        for (Consumer<String> listener : leaveListeners) {
            guarded("leave listener of room '" + room + "'", () -> listener.accept(room));
        }
    }

    /** Calls the disconnect listeners. */
    public void disconnected() {
        for (Runnable listener : disconnectListeners) {
            guarded("disconnect listener", listener);
        }
    }

    /** Reports a problem to the error listeners, or to the fallback if there are none. */
    public void error(Throwable problem) {
        if (errorListeners.isEmpty()) {
            unhandledErrors.accept(problem);
            return;
        }
        for (Consumer<Throwable> listener : errorListeners) {
            try {
                listener.accept(problem);
            } catch (RuntimeException e) {
                e.addSuppressed(problem);
                unhandledErrors.accept(e);
            }
        }
    }

    private void guarded(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vmError) {
                throw vmError;
            }
            error(new ListenerException(what + " threw " + e, e));
        }
    }
}
