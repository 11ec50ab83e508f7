package dev.sockeye.impl.handshake;

import dev.sockeye.Handshake;

/**
 * What the configurator decided for one handshake, handed to the session through the
 * per-connection user properties.
 */
public sealed interface HandshakeOutcome {

    /** The user-properties key under which the outcome travels from handshake to session. */
    String KEY = "dev.sockeye.handshake";

    /** The handshake may become a connection with this ID. */
    record Accepted(String id, Handshake handshake) implements HandshakeOutcome {
    }

    /**
     * The handshake was refused but the container could not be told to answer with an HTTP error:
     * the session is closed at once with code 1008 and {@code reason}.
     */
    record Refused(int httpStatus, String reason) implements HandshakeOutcome {
    }
}
