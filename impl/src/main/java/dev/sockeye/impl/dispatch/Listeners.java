package dev.sockeye.impl.dispatch;

import dev.sockeye.ListenerException;
import dev.sockeye.PayloadDecodeException;
import dev.sockeye.PayloadType;
import dev.sockeye.impl.codec.InboundMessage;
import dev.sockeye.impl.codec.PayloadDecoder;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The listeners of one connection and the dispatch of its inbound messages to them.
 *
 * <p>Registration is safe from any thread: listeners are added rarely and read on every message, so
 * each kind is an immutable array (and the events an immutable map) replaced under this object's
 * lock when a listener is added, and read without a lock. A kind nobody listens to costs one
 * reference to a shared empty array: this object is allocated per connection, and an idle
 * connection must stay small. Dispatch is called by the container one message at a time per
 * connection.
 * A payload is decoded once per declared type per message.
 */
public final class Listeners {

    /** One event listener: the declared payload type ({@code null} for a no-argument listener) and the handler. */
    private record EventListener(Type type, Consumer<Object> handler) {
    }

    private static final EventListener[] NO_EVENT_LISTENERS = {};
    private static final Object[] NONE = {};

    private volatile Map<String, EventListener[]> events = Map.of();
    private volatile Object[] nativeListeners = NONE;
    private volatile Object[] leaveListeners = NONE;
    private volatile Object[] disconnectListeners = NONE;
    private volatile Object[] errorListeners = NONE;
    private volatile Object[] pingListeners = NONE;
    private volatile Object[] pongListeners = NONE;
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

    private synchronized void add(String event, EventListener listener) {
        Map<String, EventListener[]> copy = new HashMap<>(events);
        copy.put(event, append(copy.getOrDefault(event, NO_EVENT_LISTENERS), listener));
        events = Map.copyOf(copy);
    }

    /** @return a copy of {@code listeners} with {@code listener} at the end */
    private static <T> T[] append(T[] listeners, T listener) {
        T[] copy = Arrays.copyOf(listeners, listeners.length + 1);
        copy[listeners.length] = listener;
        return copy;
    }

    private static void requireEventName(String event) {
        if (event == null || event.isEmpty() || event.indexOf(';') >= 0) {
            throw new IllegalArgumentException("an event name must be non-empty and contain no ';': " + event);
        }
    }

    public synchronized void onMessage(Consumer<byte[]> handler) {
        nativeListeners = append(nativeListeners, java.util.Objects.requireNonNull(handler, "handler"));
    }

    public synchronized void onLeave(Consumer<String> handler) {
        leaveListeners = append(leaveListeners, java.util.Objects.requireNonNull(handler, "handler"));
    }

    public synchronized void onDisconnect(Runnable handler) {
        disconnectListeners = append(disconnectListeners, java.util.Objects.requireNonNull(handler, "handler"));
    }

    public synchronized void onError(Consumer<Throwable> handler) {
        errorListeners = append(errorListeners, java.util.Objects.requireNonNull(handler, "handler"));
    }

    public synchronized void onPing(Runnable handler) {
        pingListeners = append(pingListeners, java.util.Objects.requireNonNull(handler, "handler"));
    }

    public synchronized void onPong(Runnable handler) {
        pongListeners = append(pongListeners, java.util.Objects.requireNonNull(handler, "handler"));
    }

    /** Calls the ping listeners: the server just pinged the peer. */
    public void pinged() {
        for (Object listener : pingListeners) {
            guarded("ping listener", (Runnable) listener);
        }
    }

    /** Calls the pong listeners: a pong arrived. */
    public void ponged() {
        for (Object listener : pongListeners) {
            guarded("pong listener", (Runnable) listener);
        }
    }

    /** Calls the listeners of an event frame; an event nobody listens to is ignored. */
    public void dispatch(InboundMessage.Event message) {
        EventListener[] listeners = events.get(message.event());
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
        for (Object listener : nativeListeners) {
            @SuppressWarnings("unchecked")
            Consumer<byte[]> nativeListener = (Consumer<byte[]>) listener;
            guarded("native message listener", () -> nativeListener.accept(bytes.clone()));
        }
    }

    /** Calls the leave listeners. */
    public void left(String room) {
        for (Object listener : leaveListeners) {
            @SuppressWarnings("unchecked")
            Consumer<String> leaveListener = (Consumer<String>) listener;
            guarded("leave listener of room '" + room + "'", () -> leaveListener.accept(room));
        }
    }

    /** Calls the disconnect listeners. */
    public void disconnected() {
        for (Object listener : disconnectListeners) {
            guarded("disconnect listener", (Runnable) listener);
        }
    }

    /** Reports a problem to the error listeners, or to the fallback if there are none. */
    public void error(Throwable problem) {
        Object[] listeners = errorListeners;
        if (listeners.length == 0) {
            unhandledErrors.accept(problem);
            return;
        }
        for (Object listener : listeners) {
            try {
                @SuppressWarnings("unchecked")
                Consumer<Throwable> errorListener = (Consumer<Throwable>) listener;
                errorListener.accept(problem);
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
