package dev.sockeye;

import dev.sockeye.spi.IdGenerator;
import dev.sockeye.spi.OriginPolicy;

import java.util.Objects;
import java.util.Set;

/**
 * The immutable configuration of one endpoint (Iris's {@code websocket.Config}). Invalid values
 * are rejected with an {@link IllegalArgumentException} that names the setting; nothing is
 * clamped. Start from {@link #defaults()} or {@link #builder()}.
 *
 * @param messagePrefix  the prefix of every event frame ({@code EvtMessagePrefix}). Default
 *                       {@value #DEFAULT_MESSAGE_PREFIX}; must be non-empty and contain no {@code ';'}.
 * @param maxMessageSize the largest incoming message, in bytes ({@code MaxMessageSize}); a larger
 *                       one closes the connection with code 1009. Default {@value #DEFAULT_MAX_MESSAGE_SIZE};
 *                       range 1 to {@link Integer#MAX_VALUE}.
 * @param binaryMessages whether every outgoing frame is a binary frame ({@code BinaryMessages}).
 *                       Default {@code false}. Browsers cannot read binary event frames with the Iris client.
 * @param idGenerator    chooses each connection's ID ({@code IDGenerator}). Default
 *                       {@link IdGenerator#randomUuid()}.
 * @param originPolicy   accepts or refuses a handshake's origin ({@code CheckOrigin}). Default
 *                       {@link OriginPolicy#sameOrigin(Set)} with no extra origins: same-origin browsers and
 *                       clients without an {@code Origin} header are accepted.
 * @param maxQueuedBytes the most bytes that may wait in one connection's outbound queue. Default
 *                       {@value #DEFAULT_MAX_QUEUED_BYTES} (1 MiB); range 1 to {@link Long#MAX_VALUE}.
 * @param overflowPolicy what happens when a send would exceed {@code maxQueuedBytes}. Default
 *                       {@link OverflowPolicy#CLOSE}.
 */
public record Config(String messagePrefix,
                     int maxMessageSize,
                     boolean binaryMessages,
                     IdGenerator idGenerator,
                     OriginPolicy originPolicy,
                     long maxQueuedBytes,
                     OverflowPolicy overflowPolicy) {

    /** Default of {@link #messagePrefix()}. */
    public static final String DEFAULT_MESSAGE_PREFIX = "iris-websocket-message:";
    /** Default of {@link #maxMessageSize()}, in bytes. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1024;
    /** Default of {@link #maxQueuedBytes()}, in bytes. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 1024 * 1024;

    public Config {
        Objects.requireNonNull(messagePrefix, "messagePrefix");
        Objects.requireNonNull(idGenerator, "idGenerator");
        Objects.requireNonNull(originPolicy, "originPolicy");
        Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        if (messagePrefix.isEmpty() || messagePrefix.indexOf(';') >= 0) {
            throw new IllegalArgumentException("messagePrefix must be non-empty and contain no ';': '" + messagePrefix + "'");
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1 byte: " + maxMessageSize);
        }
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be at least 1 byte: " + maxQueuedBytes);
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
        return new Builder()
                .messagePrefix(messagePrefix)
                .maxMessageSize(maxMessageSize)
                .binaryMessages(binaryMessages)
                .idGenerator(idGenerator)
                .originPolicy(originPolicy)
                .maxQueuedBytes(maxQueuedBytes)
                .overflowPolicy(overflowPolicy);
    }

    /** Builds a {@link Config}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private String messagePrefix = DEFAULT_MESSAGE_PREFIX;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private boolean binaryMessages;
        private IdGenerator idGenerator = IdGenerator.randomUuid();
        private OriginPolicy originPolicy = OriginPolicy.sameOrigin(Set.of());
        private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
        private OverflowPolicy overflowPolicy = OverflowPolicy.CLOSE;

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

        /** Same-origin plus these origins ({@code scheme://host[:port]}). */
        public Builder allowedOrigins(Set<String> origins) {
            this.originPolicy = OriginPolicy.sameOrigin(origins);
            return this;
        }

        /** Accepts every origin. Unsafe for browsers: any page on the web can then connect on the user's behalf. */
        public Builder allowAllOrigins() {
            this.originPolicy = OriginPolicy.allowAll();
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

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public Config build() {
            return new Config(messagePrefix, maxMessageSize, binaryMessages, idGenerator, originPolicy,
                    maxQueuedBytes, overflowPolicy);
        }
    }
}
