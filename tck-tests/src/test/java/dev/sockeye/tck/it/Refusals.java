package dev.sockeye.tck.it;

import dev.sockeye.tck.TestClient;

import jakarta.websocket.DeploymentException;

import org.glassfish.tyrus.core.HandshakeException;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Asserts that a handshake was refused with an HTTP status, on every container: Tyrus (GlassFish,
 * Payara) takes the status from the handshake response; on Undertow (WildFly) Sockeye's
 * {@code HandshakeRefusalFilter} answers it. The refused handshake never becomes a connection.
 */
public final class Refusals {

    private Refusals() {
    }

    /** @param status the HTTP status the upgrade request must be answered with */
    public static void assertRefused(URI uri, Map<String, List<String>> headers, int status) throws Exception {
        TestClient client;
        try {
            client = TestClient.connect(uri, headers);
        } catch (DeploymentException refused) {
            assertEquals(status, httpStatus(refused), "the refusal's HTTP status");
            return;
        }
        client.close();
        throw new AssertionError("the handshake was upgraded instead of refused with HTTP " + status
                + " (closed with " + client.closeReason().orElse(null) + ")");
    }

    private static int httpStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException handshake) {
                return handshake.getHttpStatusCode();
            }
        }
        throw new AssertionError("no HTTP status in " + failure, failure);
    }
}
