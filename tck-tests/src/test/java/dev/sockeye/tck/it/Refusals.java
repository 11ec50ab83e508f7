package dev.sockeye.tck.it;

import dev.sockeye.tck.TestClient;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;

import org.glassfish.tyrus.core.HandshakeException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Asserts that a handshake was refused. How a refusal looks depends on the container: where the
 * container's handshake response accepts a status (Tyrus: GlassFish, Payara, the embedded server)
 * the upgrade is answered with that HTTP status; where it does not (Undertow: WildFly) the upgrade
 * completes and the session is closed at once with 1008 (policy violation). Either way the refused
 * handshake never becomes a connection: no connect handler runs, no frame is sent.
 */
public final class Refusals {

    private Refusals() {
    }

    /** @param status the HTTP status a container that can answer with one must use */
    public static void assertRefused(URI uri, Map<String, List<String>> headers, int status) throws Exception {
        TestClient client;
        try {
            client = TestClient.connect(uri, headers);
        } catch (DeploymentException refused) {
            assertEquals(status, httpStatus(refused), "the refusal's HTTP status");
            return;
        }
        try (client) {
            CloseReason reason = client.awaitClose();
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, reason.getCloseCode(),
                    "an upgraded refusal is closed at once with 1008: " + reason);
            assertNull(client.poll(Duration.ZERO), "a refused handshake gets no frame");
        }
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
