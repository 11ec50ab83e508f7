package dev.sockeye.client;

import dev.sockeye.ListenerException;
import dev.sockeye.PayloadDecodeException;
import dev.sockeye.PayloadType;
import dev.sockeye.impl.codec.InboundMessage;
import dev.sockeye.impl.codec.PayloadDecoder;

import jakarta.websocket.CloseReason;

import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one client and how messages reach them. Registration is safe from any thread
 * at any time; dispatch happens on the container's thread, one message at a time.
 */
final class ClientListeners {

    private static final System.Logger LOG = System.getLogger(SockeyeClient.class.getName());

    /** One listener of an event: the declared payload type and the handler, type-erased once. */
    private record EventListener(Type type, Consumer<Object> handler) {
    }

    private final PayloadDecoder decoder;
    private final Map<String, List<EventListener>> events = new ConcurrentHashMap<>();
    private final List<Consumer<byte[]>> natives = new CopyOnWriteArrayList<>();
    private final List<Runnable> connects = new CopyOnWriteArrayList<>();
    private final List<Consumer<CloseReason>> disconnects = new CopyOnWriteArrayList<>();
    private final List<Consumer<Throwable>> errors = new CopyOnWriteArrayList<>();

    ClientListeners(PayloadDecoder decoder) {
        this.decoder = decoder;
    }

    @SuppressWarnings("unchecked")
    <T> void onEvent(String event, PayloadType<T> type, Consumer<? super T> handler) {
        checkEventName(event);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Consumer<Object> erased = value -> handler.accept((T) value);
        events.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(new EventListener(type.type(), erased));
    }

    void onEvent(String event, Runnable handler) {
        checkEventName(event);
        Objects.requireNonNull(handler, "handler");
        events.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(new EventListener(null, value -> handler.run()));
    }

    void onNative(Consumer<byte[]> handler) {
        natives.add(Objects.requireNonNull(handler, "handler"));
    }

    void onConnect(Runnable handler) {
        connects.add(Objects.requireNonNull(handler, "handler"));
    }

    void onDisconnect(Consumer<CloseReason> handler) {
        disconnects.add(Objects.requireNonNull(handler, "handler"));
    }

    void onError(Consumer<Throwable> handler) {
        errors.add(Objects.requireNonNull(handler, "handler"));
    }

    /** Hands a received message to its listeners; decodes the payload once per declared type. */
    void dispatch(InboundMessage message) {
        if (message instanceof InboundMessage.Native nativeMessage) {
            for (Consumer<byte[]> handler : natives) {
                call("native message", () -> handler.accept(nativeMessage.bytes()));
            }
            return;
        }
        InboundMessage.Event event = (InboundMessage.Event) message;
        List<EventListener> listeners = events.get(event.event());
        if (listeners == null) {
            return; // an event nobody listens to is ignored, as on the server
        }
        Map<Type, Object> decoded = new HashMap<>(2);
        for (EventListener listener : listeners) {
            Object value;
            if (listener.type() == null) {
                value = null;
            } else if (decoded.containsKey(listener.type())) {
                value = decoded.get(listener.type());
            } else {
                try {
                    value = decoder.decode(event, listener.type());
                } catch (PayloadDecodeException e) {
                    error(e);
                    continue;
                }
                decoded.put(listener.type(), value);
            }
            call("event '" + event.event() + "'", () -> listener.handler().accept(value));
        }
    }

    void connected() {
        for (Runnable handler : connects) {
            call("connect", handler);
        }
    }

    void disconnected(CloseReason reason) {
        for (Consumer<CloseReason> handler : disconnects) {
            call("disconnect", () -> handler.accept(reason));
        }
    }

    /** Reports a problem to the error listeners, or logs it when there are none. */
    void error(Throwable problem) {
        if (errors.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Sockeye client: " + problem.getMessage(), problem);
            return;
        }
        for (Consumer<Throwable> handler : errors) {
            try {
                handler.accept(problem);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a Sockeye client error listener threw", e);
            }
        }
    }

    private void call(String what, Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            error(new ListenerException("a listener of the " + what + " threw: " + e, e));
        }
    }

    static void checkEventName(String event) {
        if (event == null || event.isEmpty() || event.indexOf(';') >= 0) {
            throw new IllegalArgumentException("an event name must be non-empty and contain no ';': '" + event + "'");
        }
    }
}
