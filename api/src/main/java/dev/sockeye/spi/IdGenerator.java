package dev.sockeye.spi;

import dev.sockeye.Handshake;

/**
 * Chooses the ID of a new connection at the handshake (Iris's {@code IDGenerator}). It sees the
 * whole handshake, so an ID can come from a header, a query parameter or the principal.
 *
 * <p>Called concurrently for concurrent handshakes: implementations must be thread-safe. The ID
 * must not be {@code null} or empty and should be unique among connected peers: a handshake whose
 * ID is already connected is refused.
 */
@FunctionalInterface
public interface IdGenerator {

    /** @return the new connection's ID */
    String generate(Handshake handshake);

    /** The default: a random (version 4) UUID, 122 random bits from {@link java.security.SecureRandom}. */
    static IdGenerator randomUuid() {
        return handshake -> java.util.UUID.randomUUID().toString();
    }
}
