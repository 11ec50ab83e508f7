package dev.sockeye;

/**
 * Told about every handshake Sockeye refuses (Iris's {@code Error(w, r, status, reason)}): origin
 * refused (403), authorizer refusal (its status, for example 400 for a malformed token), duplicate
 * connection ID (409), an ID generator or authorizer that threw (500). The client receives
 * {@code status} as the HTTP answer: on Tyrus (GlassFish, Payara, the embedded server) from the
 * handshake response, on WildFly from Sockeye's servlet filter; where neither can carry it (WildFly
 * without Sockeye's initializer), the upgraded connection is closed at once with code 1008. A request
 * that is not a valid WebSocket upgrade (no {@code Sec-WebSocket-Key}, an unsupported version) is
 * answered by the container before Sockeye sees it, and is not reported here.
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
