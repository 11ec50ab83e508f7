package dev.sockeye.spi;

import dev.sockeye.Handshake;
import dev.sockeye.HandshakeRefusedException;

/**
 * Decides whether an authenticated handshake may open a connection, after the origin check: for
 * example by validating a token from a header or query parameter. Refuse by throwing
 * {@link HandshakeRefusedException} with the HTTP status to answer (401, 403, 400 ...).
 *
 * <p>Called concurrently for concurrent handshakes: implementations must be thread-safe.
 */
@FunctionalInterface
public interface HandshakeAuthorizer {

    /** @throws HandshakeRefusedException to refuse the handshake with its status and reason */
    void authorize(Handshake handshake) throws HandshakeRefusedException;

    /** Accepts every handshake; the default. */
    static HandshakeAuthorizer acceptAll() {
        return handshake -> { };
    }
}
