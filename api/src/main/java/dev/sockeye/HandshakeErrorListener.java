package dev.sockeye;

/**
 * Told about every refused handshake (Iris's {@code Error(w, r, status, reason)}): origin refused
 * (403), authorizer refusal (its status), duplicate connection ID (409), ID generator failure (500).
 * The client receives {@code status} as the HTTP answer where the container lets Sockeye set it
 * (Tyrus); elsewhere the upgraded connection is closed at once with code 1008.
 *
 * <p>Called on container threads, concurrently: implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface HandshakeErrorListener {

    /**
     * @param status    the HTTP status of the refusal
     * @param reason    a description for logs
     * @param handshake the refused request
     */
    void onHandshakeError(int status, String reason, Handshake handshake);
}
