package dev.sockeye.tck.it;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.OnNativeMessage;
import dev.sockeye.tck.TestClient;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spec §1.1 native frames and §1.4 binary mode in a container: a frame without the prefix reaches
 * the native handler unchanged, text or binary; native messages go out unchanged; with
 * {@code binaryMessages} every outgoing frame is binary with the same bytes. Raw frames
 * ({@link dev.sockeye.tck.TestClient}): the bytes and the frame kind are the point.
 */
@ExtendWith(ArquillianExtension.class)
class NativeMessagesAndBinaryModeIT {

    @EventEndpoint("/native")
    public static class NativeEndpoint {
        @OnNativeMessage
        public String echo(String message) {
            return "echo:" + message;
        }

        @OnEvent("raw")
        public void raw(Connection connection, String text) {
            connection.emitMessage(text);
        }
    }

    public static final class Binary implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().binaryMessages(true).build();
        }
    }

    @EventEndpoint(value = "/binary", config = Binary.class)
    public static class BinaryEndpoint {
        @OnConnect
        public void hello(Connection connection) {
            connection.emit("hello", "x;y");
            connection.emitMessage("native");
        }

        @OnEvent("echo")
        public String echo(String text) {
            return text;
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("native", NativeEndpoint.class, BinaryEndpoint.class, Binary.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void nativeFramesReachTheHandlerUnchangedAndGoOutUnchanged() throws Exception {
        try (TestClient client = TestClient.connect(Urls.ws(base, "/native"))) {
            client.send("plain text; with semicolons");
            assertEquals("echo:plain text; with semicolons", client.next());

            client.sendBinary("binary native".getBytes(StandardCharsets.UTF_8));
            assertEquals("echo:binary native", client.next(), "binary and text frames are handled alike");

            client.emit("raw", 0, "no prefix here");
            assertEquals("no prefix here", client.next());
        }
    }

    @Test
    void binaryModeSendsEveryFrameAsBinaryWithTheSameBytes() throws Exception {
        try (TestClient client = TestClient.connect(Urls.ws(base, "/binary"))) {
            assertArrayEquals((PREFIX + "hello;0;x;y").getBytes(StandardCharsets.UTF_8), client.nextBinary());
            assertArrayEquals("native".getBytes(StandardCharsets.UTF_8), client.nextBinary());

            client.sendBinary((PREFIX + "echo;0;from binary").getBytes(StandardCharsets.UTF_8));
            assertArrayEquals((PREFIX + "echo;0;from binary").getBytes(StandardCharsets.UTF_8), client.nextBinary(),
                    "incoming binary frames are events too");
        }
    }
}
