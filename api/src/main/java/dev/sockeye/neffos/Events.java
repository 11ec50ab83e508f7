package dev.sockeye.neffos;

import dev.sockeye.Emitter;
import dev.sockeye.OnNativeMessage;
import dev.sockeye.Target;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The events of one neffos namespace (neffos's {@code Events}): a handler per event name, and the
 * namespace and room hooks named by tense, the present tense may veto (throw), the past tense
 * reports. Build it with {@link #builder()} and hand it to {@link Namespaces.Builder#namespace}.
 * <pre>{@code
 * Events chat = Events.builder()
 *     .onNamespaceConnected((ns, msg) -> System.out.println(ns.connection().id() + " joined " + ns.namespace()))
 *     .onRoomJoin((ns, msg) -> { if (msg.room().startsWith("admin")) throw new IllegalStateException("forbidden"); })
 *     .on("chat", (ns, msg) -> { ns.to(Target.room(msg.room())).emit("chat", msg.text()); return null; })
 *     .on("echo", (ns, msg) -> msg.text())   // an ask gets the returned value as its reply
 *     .build();
 * }</pre>
 *
 * <p>Handlers and hooks of one connection are called one at a time, on the container's thread for
 * that connection; they must be thread-safe across connections. A handler or hook that throws
 * answers the client with an error whose text is the exception's message (a vetoing hook rejects
 * the client's {@code connect}, {@code joinRoom} or {@code leave} promise with it); nothing else
 * happens to the connection. Instances are immutable and thread-safe.
 */
public final class Events {

    private final Map<String, Handler> handlers;
    private final Map<NamespaceHook.Kind, Hook> hooks;
    private final Handler nativeMessage;
    private final Handler anyEvent;

    private Events(Builder builder) {
        this.handlers = Map.copyOf(builder.handlers);
        this.hooks = Map.copyOf(builder.hooks);
        this.nativeMessage = builder.nativeMessage;
        this.anyEvent = builder.anyEvent;
    }

    /** @return a builder with no handler and no hook */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the event handlers by event name; immutable */
    public Map<String, Handler> handlers() {
        return handlers;
    }

    /** @return the hook of that kind, if one was set */
    public Optional<Hook> hook(NamespaceHook.Kind kind) {
        return Optional.ofNullable(hooks.get(kind));
    }

    /**
     * @return the native message handler (neffos's {@code OnNativeMessage}): allowed in namespace
     *         {@code ""} only (elsewhere the endpoint refuses to deploy), where it turns frames that are
     *         not neffos messages into calls
     */
    public Optional<Handler> nativeMessage() {
        return Optional.ofNullable(nativeMessage);
    }

    /** @return the handler of events that have no handler of their own (neffos's {@code OnAnyEvent}) */
    public Optional<Handler> anyEvent() {
        return Optional.ofNullable(anyEvent);
    }

    /**
     * Handles one event. The returned value answers the client: for an ask it is the reply body,
     * for a plain emit it is emitted back on the same namespace, room and event ({@code null}: no
     * answer; an ask then gets an empty reply). A returned {@link java.util.concurrent.CompletionStage}
     * answers when it completes; a client's ask waits for it at most
     * {@link Namespaces#answerTimeout()}, then gets an error. Values are encoded as
     * {@link Emitter#emit} encodes them; {@code byte[]} and {@code ByteBuffer} become binary frames.
     * A client's error message ({@code isError = 1}, such as a neffos.js handler's returned
     * {@code Error}) never reaches a handler: it goes to the connection's error listeners as an
     * {@link ErrorReplyException}.
     */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param connection the namespace connection the event arrived on
         * @param message    the event; its body is decoded on demand
         * @return the answer, or {@code null}
         * @throws Exception to answer with an error whose text is the exception's message
         */
        Object handle(NamespaceConnection connection, NeffosMessage message) throws Exception;
    }

    /** A namespace or room hook; throwing vetoes a present-tense hook (connect, join, leave). */
    @FunctionalInterface
    public interface Hook {
        /**
         * @param connection the namespace connection
         * @param message    the system message: its {@link NeffosMessage#room()} for room hooks,
         *                   {@link NeffosMessage#isForced()} when the server or a closing connection caused it
         * @throws Exception to veto, with the exception's message as the error text
         */
        void handle(NamespaceConnection connection, NeffosMessage message) throws Exception;
    }

    /** Builds {@link Events}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Handler> handlers = new LinkedHashMap<>();
        private final Map<NamespaceHook.Kind, Hook> hooks = new EnumMap<>(NamespaceHook.Kind.class);
        private Handler nativeMessage;
        private Handler anyEvent;

        private Builder() {
        }

        /**
         * Handles a custom event.
         *
         * @param event the event name: not empty, not starting with {@code _On} (the system events'
         *              prefix); may contain {@code ';'} (escaped on the wire)
         * @throws IllegalArgumentException if the name is invalid or already has a handler
         */
        public Builder on(String event, Handler handler) {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(handler, "handler");
            if (event.isEmpty() || event.startsWith("_On")) {
                throw new IllegalArgumentException("an event name must be non-empty and must not start with "
                        + "'_On' (reserved for system events; use the hook methods): '" + event + "'");
            }
            if (handlers.putIfAbsent(event, handler) != null) {
                throw new IllegalArgumentException("event '" + event + "' already has a handler");
            }
            return this;
        }

        /** Before a namespace connect, client- or server-initiated; throw to refuse it. */
        public Builder onNamespaceConnect(Hook hook) {
            return hook(NamespaceHook.Kind.NAMESPACE_CONNECT, hook);
        }

        /** After a namespace connect. */
        public Builder onNamespaceConnected(Hook hook) {
            return hook(NamespaceHook.Kind.NAMESPACE_CONNECTED, hook);
        }

        /**
         * Before a namespace disconnect; throw to refuse a client's {@code disconnect()}. Also called,
         * forced and unable to veto, when the connection ends.
         */
        public Builder onNamespaceDisconnect(Hook hook) {
            return hook(NamespaceHook.Kind.NAMESPACE_DISCONNECT, hook);
        }

        /** Before a room join, client- or server-initiated; throw to refuse it. */
        public Builder onRoomJoin(Hook hook) {
            return hook(NamespaceHook.Kind.ROOM_JOIN, hook);
        }

        /** After a room join. */
        public Builder onRoomJoined(Hook hook) {
            return hook(NamespaceHook.Kind.ROOM_JOINED, hook);
        }

        /** Before a room leave; throw to refuse a requested leave (a forced one cannot be refused). */
        public Builder onRoomLeave(Hook hook) {
            return hook(NamespaceHook.Kind.ROOM_LEAVE, hook);
        }

        /** After a room leave. */
        public Builder onRoomLeft(Hook hook) {
            return hook(NamespaceHook.Kind.ROOM_LEFT, hook);
        }

        /** Handles native messages; see {@link Events#nativeMessage()}. */
        public Builder onNativeMessage(Handler handler) {
            this.nativeMessage = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Handles every event that has no handler of its own. */
        public Builder onAnyEvent(Handler handler) {
            this.anyEvent = Objects.requireNonNull(handler, "handler");
            return this;
        }

        private Builder hook(NamespaceHook.Kind kind, Hook hook) {
            hooks.put(kind, Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /** @return the events */
        public Events build() {
            return new Events(this);
        }
    }
}
