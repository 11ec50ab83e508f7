package dev.sockeye;

import dev.sockeye.spi.ClusterBus;
import dev.sockeye.spi.HandshakeAuthorizer;
import dev.sockeye.spi.IdGenerator;
import dev.sockeye.spi.OriginPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable configuration of one endpoint (Iris's {@code websocket.Config}). Invalid values
 * are rejected with an {@link IllegalArgumentException} that names the setting; nothing is
 * clamped. Start from {@link #defaults()} or {@link #builder()}. Every default is a constant of
 * this class or stated below, and the guide's configuration table is checked against them.
 *
 * @param messagePrefix    the prefix of every event frame ({@code EvtMessagePrefix}). Default
 *                         {@value #DEFAULT_MESSAGE_PREFIX}; must be non-empty and contain no {@code ';'}.
 * @param maxMessageSize   the largest incoming message, in bytes, after decompression
 *                         ({@code MaxMessageSize}); a larger one closes the connection with code 1009.
 *                         Default {@value #DEFAULT_MAX_MESSAGE_SIZE}; range 1 to {@link Integer#MAX_VALUE}.
 * @param binaryMessages   whether every outgoing frame is a binary frame ({@code BinaryMessages}).
 *                         Default {@code false}. Browsers cannot read binary event frames with the Iris client.
 * @param idGenerator      chooses each connection's ID ({@code IDGenerator}). Default
 *                         {@link IdGenerator#randomUuid()}. It may refuse a handshake by throwing
 *                         {@link HandshakeRefusedException}.
 * @param originPolicy     accepts or refuses a handshake's origin ({@code CheckOrigin}); refused: HTTP 403.
 *                         Default {@link OriginPolicy#sameOrigin(Set)} with no extra origins: same-origin
 *                         browsers and clients without an {@code Origin} header are accepted.
 * @param authorizer       runs after the origin check and may refuse with any HTTP status. Default: accepts all.
 * @param handshakeErrorListener told about every refused handshake ({@code Error}). Default: logs at DEBUG.
 * @param handshakeTimeout how long a handshake may take ({@code HandshakeTimeout}). Default
 *                         {@link Duration#ZERO}: the container's own limit. The Jakarta API has no portable
 *                         handle on it: it is a container setting (see the guide), and a non-zero value is
 *                         reported at deployment where it cannot be applied.
 * @param writeTimeout     the longest one frame may take to be written ({@code WriteTimeout}); a slower
 *                         write fails, the error listeners hear it, and the connection closes (1011).
 *                         Default {@link #DEFAULT_WRITE_TIMEOUT} (10 s); {@link Duration#ZERO} means none.
 * @param readTimeout      the longest time without any incoming frame, data or pong, before the connection
 *                         is closed with 1001 ({@code ReadTimeout}). Default {@link Duration#ZERO}: none.
 * @param pingPeriod       how often the server pings each connection ({@code PingPeriod}). Default
 *                         {@link #DEFAULT_PING_PERIOD} (54 s); {@link Duration#ZERO} disables pings and the
 *                         pong check. Must be shorter than {@code pongTimeout}.
 * @param pongTimeout      a connection that sent no pong for this long is closed with 1001 and its disconnect
 *                         events run ({@code PongTimeout}; enforced, unlike the original), once its oldest
 *                         unanswered ping has been out for at least {@code pongTimeout - pingPeriod}, so a
 *                         late ping (a held-up timer) moves the deadline with it. Default
 *                         {@link #DEFAULT_PONG_TIMEOUT} (60 s); must be positive.
 * @param readBufferSize   the container's read buffer for this endpoint's messages, in bytes
 *                         ({@code ReadBufferSize}). Default 0: the container's default. On Tyrus it becomes
 *                         the server's incoming buffer size; elsewhere it is a container setting and a
 *                         non-zero value is reported at deployment.
 * @param writeBufferSize  the container's write buffer, in bytes ({@code WriteBufferSize}). Default 0: the
 *                         container's default. No Jakarta or Tyrus handle exists: a non-zero value is
 *                         reported at deployment as not applied.
 * @param enableCompression whether permessage-deflate (RFC 7692) is offered ({@code EnableCompression}).
 *                         Default {@code false}. Works where the container provides the extension (Tyrus
 *                         with {@code tyrus-extension-deflate}); {@code maxMessageSize} applies to the
 *                         inflated message.
 * @param subprotocols     the subprotocols the server supports, in preference order ({@code Subprotocols}):
 *                         the first one the client also asked for is chosen. Default: none.
 * @param maxQueuedBytes   the most bytes that may wait in one connection's outbound queue. Default
 *                         {@value #DEFAULT_MAX_QUEUED_BYTES} (1 MiB); range 1 to {@link Long#MAX_VALUE}.
 * @param overflowPolicy   what happens when a send would exceed {@code maxQueuedBytes}. Default
 *                         {@link OverflowPolicy#CLOSE} (close code 1008).
 * @param cluster          creates the bus that joins several nodes serving this endpoint into one
 *                         (see {@code sockeye-cluster-redis}). Default
 *                         {@link ClusterBus.Factory#fromEnvironment()}: a Redis bus when
 *                         {@code sockeye.cluster.redis.uri} / {@code SOCKEYE_CLUSTER_REDIS_URI} is set,
 *                         else none (a single node, in memory).
 */
public record Config(String messagePrefix,
                     int maxMessageSize,
                     boolean binaryMessages,
                     IdGenerator idGenerator,
                     OriginPolicy originPolicy,
                     HandshakeAuthorizer authorizer,
                     HandshakeErrorListener handshakeErrorListener,
                     Duration handshakeTimeout,
                     Duration writeTimeout,
                     Duration readTimeout,
                     Duration pingPeriod,
                     Duration pongTimeout,
                     int readBufferSize,
                     int writeBufferSize,
                     boolean enableCompression,
                     List<String> subprotocols,
                     long maxQueuedBytes,
                     OverflowPolicy overflowPolicy,
                     ClusterBus.Factory cluster) {

    /** Default of {@link #messagePrefix()}. */
    public static final String DEFAULT_MESSAGE_PREFIX = "iris-websocket-message:";
    /** Default of {@link #maxMessageSize()}, in bytes. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1024;
    /** Default of {@link #maxQueuedBytes()}, in bytes. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 1024 * 1024;
    /** Default of {@link #writeTimeout()}: 10 seconds. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** Default of {@link #pingPeriod()}: 54 seconds (nine tenths of the pong timeout, as in Iris). */
    public static final Duration DEFAULT_PING_PERIOD = Duration.ofSeconds(54);
    /** Default of {@link #pongTimeout()}: 60 seconds. */
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(60);

    public Config {
        Objects.requireNonNull(messagePrefix, "messagePrefix");
        Objects.requireNonNull(idGenerator, "idGenerator");
        Objects.requireNonNull(originPolicy, "originPolicy");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(handshakeErrorListener, "handshakeErrorListener");
        Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        Objects.requireNonNull(subprotocols, "subprotocols");
        Objects.requireNonNull(cluster, "cluster");
        if (messagePrefix.isEmpty() || messagePrefix.indexOf(';') >= 0) {
            throw new IllegalArgumentException("messagePrefix must be non-empty and contain no ';': '" + messagePrefix + "'");
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1 byte: " + maxMessageSize);
        }
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be at least 1 byte: " + maxQueuedBytes);
        }
        requireNotNegative("handshakeTimeout", handshakeTimeout);
        requireNotNegative("writeTimeout", writeTimeout);
        requireNotNegative("readTimeout", readTimeout);
        requireNotNegative("pingPeriod", pingPeriod);
        requireNotNegative("pongTimeout", pongTimeout);
        if (pongTimeout.isZero()) {
            throw new IllegalArgumentException("pongTimeout must be positive");
        }
        if (!pingPeriod.isZero() && pingPeriod.compareTo(pongTimeout) >= 0) {
            throw new IllegalArgumentException("pingPeriod (" + pingPeriod + ") must be shorter than pongTimeout ("
                    + pongTimeout + ")");
        }
        if (readBufferSize < 0) {
            throw new IllegalArgumentException("readBufferSize must be 0 (container default) or positive: " + readBufferSize);
        }
        if (writeBufferSize < 0) {
            throw new IllegalArgumentException("writeBufferSize must be 0 (container default) or positive: " + writeBufferSize);
        }
        subprotocols = List.copyOf(subprotocols);
        if (subprotocols.stream().anyMatch(p -> p.isBlank() || !p.strip().equals(p))
                || Set.copyOf(subprotocols).size() != subprotocols.size()) {
            throw new IllegalArgumentException("subprotocols must be distinct, non-blank tokens: " + subprotocols);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /** @return the defaults described on each component */
    public static Config defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messagePrefix = messagePrefix;
        b.maxMessageSize = maxMessageSize;
        b.binaryMessages = binaryMessages;
        b.idGenerator = idGenerator;
        b.originPolicy = originPolicy;
        b.authorizer = authorizer;
        b.handshakeErrorListener = handshakeErrorListener;
        b.handshakeTimeout = handshakeTimeout;
        b.writeTimeout = writeTimeout;
        b.readTimeout = readTimeout;
        b.pingPeriod = pingPeriod;
        b.pongTimeout = pongTimeout;
        b.readBufferSize = readBufferSize;
        b.writeBufferSize = writeBufferSize;
        b.enableCompression = enableCompression;
        b.subprotocols = subprotocols;
        b.maxQueuedBytes = maxQueuedBytes;
        b.overflowPolicy = overflowPolicy;
        b.cluster = cluster;
        return b;
    }

    /** Builds a {@link Config}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private String messagePrefix = DEFAULT_MESSAGE_PREFIX;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private boolean binaryMessages;
        private IdGenerator idGenerator = IdGenerator.randomUuid();
        private OriginPolicy originPolicy = OriginPolicy.sameOrigin(Set.of());
        private HandshakeAuthorizer authorizer = HandshakeAuthorizer.acceptAll();
        private HandshakeErrorListener handshakeErrorListener = (status, reason, handshake) ->
                System.getLogger(Config.class.getName()).log(System.Logger.Level.DEBUG,
                        "handshake refused with " + status + ": " + reason);
        private Duration handshakeTimeout = Duration.ZERO;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Duration readTimeout = Duration.ZERO;
        private Duration pingPeriod = DEFAULT_PING_PERIOD;
        private Duration pongTimeout = DEFAULT_PONG_TIMEOUT;
        private int readBufferSize;
        private int writeBufferSize;
        private boolean enableCompression;
        private List<String> subprotocols = List.of();
        private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
        private OverflowPolicy overflowPolicy = OverflowPolicy.CLOSE;
        private ClusterBus.Factory cluster = ClusterBus.Factory.fromEnvironment();

        private Builder() {
        }

        /** @see Config#messagePrefix() */
        public Builder messagePrefix(String messagePrefix) {
            this.messagePrefix = messagePrefix;
            return this;
        }

        /** @see Config#maxMessageSize() */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        /** @see Config#binaryMessages() */
        public Builder binaryMessages(boolean binaryMessages) {
            this.binaryMessages = binaryMessages;
            return this;
        }

        /** @see Config#idGenerator() */
        public Builder idGenerator(IdGenerator idGenerator) {
            this.idGenerator = idGenerator;
            return this;
        }

        /** @see Config#originPolicy() */
        public Builder originPolicy(OriginPolicy originPolicy) {
            this.originPolicy = originPolicy;
            return this;
        }

        /** Same-origin plus these origins ({@code scheme://host[:port]}); requests without {@code Origin} accepted. */
        public Builder allowedOrigins(Set<String> origins) {
            this.originPolicy = OriginPolicy.sameOrigin(origins);
            return this;
        }

        /** Accepts every origin. Unsafe for browsers: any page on the web can then connect on the user's behalf. */
        public Builder allowAllOrigins() {
            this.originPolicy = OriginPolicy.allowAll();
            return this;
        }

        /** @see Config#authorizer() */
        public Builder authorizer(HandshakeAuthorizer authorizer) {
            this.authorizer = authorizer;
            return this;
        }

        /** @see Config#handshakeErrorListener() */
        public Builder handshakeErrorListener(HandshakeErrorListener listener) {
            this.handshakeErrorListener = listener;
            return this;
        }

        /** @see Config#handshakeTimeout() */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout;
            return this;
        }

        /** @see Config#writeTimeout() */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /** @see Config#readTimeout() */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** @see Config#pingPeriod() */
        public Builder pingPeriod(Duration period) {
            this.pingPeriod = period;
            return this;
        }

        /** @see Config#pongTimeout() */
        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = timeout;
            return this;
        }

        /** @see Config#readBufferSize() */
        public Builder readBufferSize(int bytes) {
            this.readBufferSize = bytes;
            return this;
        }

        /** @see Config#writeBufferSize() */
        public Builder writeBufferSize(int bytes) {
            this.writeBufferSize = bytes;
            return this;
        }

        /** @see Config#enableCompression() */
        public Builder enableCompression(boolean enable) {
            this.enableCompression = enable;
            return this;
        }

        /** @see Config#subprotocols() */
        public Builder subprotocols(List<String> subprotocols) {
            this.subprotocols = subprotocols;
            return this;
        }

        /** @see Config#maxQueuedBytes() */
        public Builder maxQueuedBytes(long bytes) {
            this.maxQueuedBytes = bytes;
            return this;
        }

        /** @see Config#overflowPolicy() */
        public Builder overflowPolicy(OverflowPolicy policy) {
            this.overflowPolicy = policy;
            return this;
        }

        /** @see Config#cluster() */
        public Builder cluster(ClusterBus.Factory cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public Config build() {
            return new Config(messagePrefix, maxMessageSize, binaryMessages, idGenerator, originPolicy, authorizer,
                    handshakeErrorListener, handshakeTimeout, writeTimeout, readTimeout, pingPeriod, pongTimeout,
                    readBufferSize, writeBufferSize, enableCompression, subprotocols, maxQueuedBytes, overflowPolicy,
                    cluster);
        }
    }
}
