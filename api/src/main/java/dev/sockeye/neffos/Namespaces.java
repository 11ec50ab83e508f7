package dev.sockeye.neffos;

import dev.sockeye.Config;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a neffos endpoint serves (neffos's {@code Namespaces}, plus its server's {@code OnConnect}
 * and {@code OnDisconnect}): the namespaces clients may connect to, each with its {@link Events}
 * or its {@link NeffosController} class. A client that asks for any other namespace gets
 * {@code bad namespace}.
 * <pre>{@code
 * Namespaces namespaces = Namespaces.builder()
 *     .onConnect(connection -> {
 *         if (connection.handshake().header("X-Token").isEmpty()) throw new IllegalStateException("no token");
 *     })
 *     .namespace("default", Events.builder().on("chat", onChat).build())
 *     .controller(AdminController.class)
 *     .build();
 * SockeyeEndpoint endpoint = Sockeye.neffosEndpoint("/websocket_endpoint", Config.defaults(), namespaces);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Namespaces {

    /** Separates the namespace from the room in {@linkplain #registryRoom registry room names}. */
    public static final char ROOM_SEPARATOR = '/';

    /** The default of {@link #answerTimeout()}: 30 seconds. */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Events> events;
    private final List<Class<?>> controllers;
    private final ConnectHook onConnect;
    private final Consumer<NeffosConnection> onDisconnect;
    private final Duration answerTimeout;

    private Namespaces(Builder builder) {
        this.events = Map.copyOf(builder.events);
        this.controllers = List.copyOf(builder.controllers);
        this.onConnect = builder.onConnect;
        this.onDisconnect = builder.onDisconnect;
        this.answerTimeout = builder.answerTimeout;
    }

    /** @return a builder with no namespace */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The name of the {@link ConnectionRegistry} room that holds the members of a neffos room:
     * {@code namespace + "/" + room}, for example {@code default/news}; with an empty room, the room
     * of every connection connected to the namespace ({@code default/}).
     */
    public static String registryRoom(String namespace, String room) {
        return Objects.requireNonNull(namespace, "namespace") + ROOM_SEPARATOR + Objects.requireNonNull(room, "room");
    }

    /** @return the events of the namespaces defined with {@link Builder#namespace}; immutable */
    public Map<String, Events> events() {
        return events;
    }

    /** @return the controller classes, in registration order; immutable */
    public List<Class<?>> controllers() {
        return controllers;
    }

    /** @return the hook run when a client opens its connection, before it is acknowledged */
    public Optional<ConnectHook> onConnect() {
        return Optional.ofNullable(onConnect);
    }

    /** @return the listener called once when an acknowledged connection ends */
    public Optional<Consumer<NeffosConnection>> onDisconnect() {
        return Optional.ofNullable(onDisconnect);
    }

    /**
     * @return how long a client's ask may wait for a handler's {@link java.util.concurrent.CompletionStage}:
     *         one that has not completed by then is answered with the error {@code no answer within <n> ms},
     *         the connection's error listeners are told, and what the stage completes with later is dropped.
     *         Handlers that return a value (not a stage) answer at once; plain emits are not bounded, as
     *         nobody waits for them. Default {@link #DEFAULT_ANSWER_TIMEOUT} (30 s).
     */
    public Duration answerTimeout() {
        return answerTimeout;
    }

    /** The server's connect hook (neffos's {@code Server.OnConnect}). */
    @FunctionalInterface
    public interface ConnectHook {
        /**
         * Called once per connection, on the container's thread, when the client's first frame
         * ({@code M}) arrives and before the server acknowledges it. Emits made here are sent right
         * after the acknowledgement.
         *
         * @throws Exception to refuse the connection: the client receives {@code H<message>}, its
         *         {@code dial} promise rejects with the message, and the connection is closed (1008)
         */
        void handle(NeffosConnection connection) throws Exception;
    }

    /** Builds {@link Namespaces}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Events> events = new LinkedHashMap<>();
        private final List<Class<?>> controllers = new ArrayList<>();
        private ConnectHook onConnect;
        private Consumer<NeffosConnection> onDisconnect;
        private Duration answerTimeout = DEFAULT_ANSWER_TIMEOUT;

        private Builder() {
        }

        /**
         * Defines a namespace.
         *
         * @param namespace the name; {@code ""} is neffos's default namespace (the one a client uses
         *                  when it dials with events only); must not contain {@code '/'}
         * @throws IllegalArgumentException if the name contains {@code '/'} or is already defined
         */
        public Builder namespace(String namespace, Events events) {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(events, "events");
            if (namespace.indexOf(ROOM_SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a namespace name must not contain '" + ROOM_SEPARATOR
                        + "' (it separates namespace and room in registry room names): '" + namespace + "'");
            }
            if (this.events.putIfAbsent(namespace, events) != null) {
                throw new IllegalArgumentException("namespace '" + namespace + "' is already defined");
            }
            return this;
        }

        /**
         * Adds a {@link NeffosController} class: its namespace gets the class's events and hooks. It is
         * checked when the endpoint is created.
         */
        public Builder controller(Class<?> controllerClass) {
            controllers.add(Objects.requireNonNull(controllerClass, "controllerClass"));
            return this;
        }

        /** @see Namespaces#onConnect() */
        public Builder onConnect(ConnectHook hook) {
            this.onConnect = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /** @see Namespaces#onDisconnect() */
        public Builder onDisconnect(Consumer<NeffosConnection> listener) {
            this.onDisconnect = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @see Namespaces#answerTimeout()
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public Builder answerTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("answerTimeout must be positive: " + timeout);
            }
            this.answerTimeout = timeout;
            return this;
        }

        /** @return the namespaces */
        public Namespaces build() {
            return new Namespaces(this);
        }
    }
}
