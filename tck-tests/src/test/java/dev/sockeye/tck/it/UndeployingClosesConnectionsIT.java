package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.tck.EventClient;

import jakarta.websocket.CloseReason;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Undeploying the application ends its open connections as Sockeye's own close does: the client
 * gets close code 1001 (going away), and the disconnect listener runs while the application is
 * still there. The listener writes the connection's ID to a file the test names in the query (the
 * server runs on this machine, in this JVM or another), which the test reads after the undeploy.
 */
@ExtendWith(ArquillianExtension.class)
class UndeployingClosesConnectionsIT {

    @EventEndpoint("/held")
    public static class HeldEndpoint {
        @OnConnect
        public void open(Connection connection) {
            connection.emit("open", connection.id());
        }

        @OnDisconnect
        public void gone(Connection connection) throws IOException {
            Files.writeString(Path.of(connection.handshake().queryParameter("marker").orElseThrow()),
                    "disconnected " + connection.id());
        }
    }

    @Deployment(name = "held", managed = false, testable = false)
    static WebArchive deployment() {
        return Wars.war("held", HeldEndpoint.class);
    }

    @ArquillianResource
    private Deployer deployer;

    @Test
    void undeployingEndsTheConnectionWith1001AndRunsItsDisconnectListener() throws Exception {
        Path marker = Files.createTempFile("sockeye-undeploy", ".txt");
        try {
            deployer.deploy("held");
            URI uri = URI.create("ws://127.0.0.1:" + System.getProperty("sockeye.it.http.port") + "/held/held?marker="
                    + URLEncoder.encode(marker.toString(), StandardCharsets.UTF_8));
            try (EventClient client = EventClient.to(uri).record("open", String.class).connect()) {
                String id = client.next("open", String.class);

                deployer.undeploy("held");

                assertEquals(CloseReason.CloseCodes.GOING_AWAY, client.awaitClose().getCloseCode());
                assertEquals("disconnected " + id, Files.readString(marker));
            }
        } finally {
            Files.deleteIfExists(marker);
        }
    }
}
