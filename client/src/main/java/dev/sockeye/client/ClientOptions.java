package dev.sockeye.client;

import dev.sockeye.Config;

import jakarta.websocket.WebSocketContainer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The immutable settings of one {@link SockeyeClient}. Invalid values are rejected with an
 * {@link IllegalArgumentException} that names the setting; nothing is clamped. Start from
 * {@link #defaults()} or {@link #builder()}.
 *
 * @param messagePrefix  the prefix of every event frame; must equal the server endpoint's
 *                       {@link Config#messagePrefix()}. Default {@value Config#DEFAULT_MESSAGE_PREFIX};
 *                       non-empty, without {@code ';'}.
 * @param binaryMessages whether the client sends every frame as a binary frame (the server's
 *                       {@link Config#binaryMessages()} mode). Default {@code false}. Incoming text and
 *                       binary frames are understood either way.
 * @param maxMessageSize the largest incoming message, in bytes; a larger one closes the connection with
 *                       code 1009. Default {@value #DEFAULT_MAX_MESSAGE_SIZE} (1 MiB); range 1 to
 *                       {@link Integer#MAX_VALUE}.
 * @param maxQueuedBytes the most bytes of emits that may wait to be written, including while the client
 *                       is connecting or reconnecting. An emit that would go past it fails with
 *                       {@link dev.sockeye.OutboundOverflowException}; an emit to an empty queue is always
 *                       accepted. Default {@value #DEFAULT_MAX_QUEUED_BYTES} (1 MiB); range 1 to {@link Long#MAX_VALUE}.
 * @param connectTimeout how long one connection attempt (TCP connect and handshake) may take before it
 *                       counts as failed. Default {@link #DEFAULT_CONNECT_TIMEOUT} (10 s); positive.
 * @param writeTimeout   the longest one frame may take to be written; a slower write fails its emit.
 *                       Default {@link #DEFAULT_WRITE_TIMEOUT} (10 s); {@link Duration#ZERO} means none.
 * @param reconnect      whether and when to reconnect after a lost connection. Default {@link Reconnect#never()}.
 * @param headers        extra HTTP headers of the upgrade request (for example {@code Authorization} or
 *                       {@code Origin}), copied. Default: none.
 * @param subprotocols   the subprotocols to ask for, in preference order, copied. Default: none.
 * @param container      the Jakarta WebSocket client container to connect with. Default: empty, meaning
 *                       one Tyrus client shared by every {@code SockeyeClient} of the JVM, on one shared
 *                       transport whose fixed pool of max(8, 2 &times; processors) daemon threads
 *                       ({@code sockeye-client-io(n)}) reads every connection, answers pings and runs
 *                       the listeners (the transport stops 30 s after the last connection closes;
 *                       Tyrus's own executor threads are daemons kept for the life of the JVM). Tyrus
 *                       has one shared transport per JVM: when another Tyrus client with a shared
 *                       container connects first, its thread pool is used. In a Jakarta EE
 *                       application pass the container's own.
 */
public record ClientOptions(String messagePrefix,
                            boolean binaryMessages,
                            int maxMessageSize,
                            long maxQueuedBytes,
                            Duration connectTimeout,
                            Duration writeTimeout,
                            Reconnect reconnect,
                            Map<String, List<String>> headers,
                            List<String> subprotocols,
                            Optional<WebSocketContainer> container) {

    /** Default of {@link #maxMessageSize()}, in bytes. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1024 * 1024;
    /** Default of {@link #maxQueuedBytes()}, in bytes. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 1024 * 1024;
    /** Default of {@link #connectTimeout()}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default of {@link #writeTimeout()}. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);

    public ClientOptions {
        Objects.requireNonNull(messagePrefix, "messagePrefix");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(subprotocols, "subprotocols");
        Objects.requireNonNull(container, "container");
        if (messagePrefix.isEmpty() || messagePrefix.indexOf(';') >= 0) {
            throw new IllegalArgumentException("messagePrefix must be non-empty and contain no ';': '" + messagePrefix + "'");
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1 byte: " + maxMessageSize);
        }
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be at least 1 byte: " + maxQueuedBytes);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (writeTimeout.isNegative()) {
            throw new IllegalArgumentException("writeTimeout must not be negative: " + writeTimeout);
        }
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() == null || header.getKey().isBlank()) {
                throw new IllegalArgumentException("header names must not be blank: " + headers.keySet());
            }
            copy.put(header.getKey(), List.copyOf(header.getValue()));
        }
        headers = Collections.unmodifiableMap(copy);
        subprotocols = List.copyOf(subprotocols);
        if (subprotocols.stream().anyMatch(String::isBlank) || subprotocols.stream().distinct().count() != subprotocols.size()) {
            throw new IllegalArgumentException("subprotocols must be distinct, non-blank tokens: " + subprotocols);
        }
    }

    /** @return the defaults described on each component */
    public static ClientOptions defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .messagePrefix(messagePrefix)
                .binaryMessages(binaryMessages)
                .maxMessageSize(maxMessageSize)
                .maxQueuedBytes(maxQueuedBytes)
                .connectTimeout(connectTimeout)
                .writeTimeout(writeTimeout)
                .reconnect(reconnect)
                .headers(headers)
                .subprotocols(subprotocols);
        container.ifPresent(builder::container);
        return builder;
    }

    /** Builds {@link ClientOptions}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private String messagePrefix = Config.DEFAULT_MESSAGE_PREFIX;
        private boolean binaryMessages;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Reconnect reconnect = Reconnect.never();
        private Map<String, List<String>> headers = Map.of();
        private List<String> subprotocols = List.of();
        private WebSocketContainer container;

        private Builder() {
        }

        /** @see ClientOptions#messagePrefix() */
        public Builder messagePrefix(String messagePrefix) {
            this.messagePrefix = messagePrefix;
            return this;
        }

        /** @see ClientOptions#binaryMessages() */
        public Builder binaryMessages(boolean binaryMessages) {
            this.binaryMessages = binaryMessages;
            return this;
        }

        /** @see ClientOptions#maxMessageSize() */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        /** @see ClientOptions#maxQueuedBytes() */
        public Builder maxQueuedBytes(long bytes) {
            this.maxQueuedBytes = bytes;
            return this;
        }

        /** @see ClientOptions#connectTimeout() */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** @see ClientOptions#writeTimeout() */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /** @see ClientOptions#reconnect() */
        public Builder reconnect(Reconnect reconnect) {
            this.reconnect = reconnect;
            return this;
        }

        /** @see ClientOptions#headers() */
        public Builder headers(Map<String, List<String>> headers) {
            this.headers = headers;
            return this;
        }

        /** Adds one header value to {@link ClientOptions#headers()}. */
        public Builder header(String name, String value) {
            LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>(headers);
            copy.merge(name, List.of(value), (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
            this.headers = copy;
            return this;
        }

        /** @see ClientOptions#subprotocols() */
        public Builder subprotocols(List<String> subprotocols) {
            this.subprotocols = subprotocols;
            return this;
        }

        /** @see ClientOptions#container() */
        public Builder container(WebSocketContainer container) {
            this.container = Objects.requireNonNull(container, "container");
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public ClientOptions build() {
            return new ClientOptions(messagePrefix, binaryMessages, maxMessageSize, maxQueuedBytes, connectTimeout,
                    writeTimeout, reconnect, headers, subprotocols, Optional.ofNullable(container));
        }
    }
}
