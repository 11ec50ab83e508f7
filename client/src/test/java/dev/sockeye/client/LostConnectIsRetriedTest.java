package dev.sockeye.client;

import dev.sockeye.embedded.EmbeddedServer;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tyrus's Grizzly client now and then completes a TCP connect with no connection and fails
 * {@code connectToServer} with a wrapped {@link NullPointerException} (seen about once in a few
 * thousand connects, BackToBackClientsTest among them). The client repeats such a connect within
 * the same attempt; a session the lost connect opens after all is closed, and any other failure
 * still fails the attempt. The lost connect is simulated by a container that throws the same
 * exception in front of the real Tyrus client.
 */
class LostConnectIsRetriedTest {

    @Test
    void aConnectLostByTheTransportIsRepeatedAndTheClientOpens() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        try (EmbeddedServer server = Servers.start(connection -> {
            opened.incrementAndGet();
            connection.on("echo", String.class, text -> connection.emit("echo", text));
        })) {
            Flaky container = new Flaky(ClientThreads.defaultContainer(), 1, false);
            BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
            SockeyeClient client = SockeyeClient.create(Servers.uri(server),
                    ClientOptions.builder().container(container).build());
            client.on("echo", String.class, echoes::add);
            Await.done(client.connect());
            Await.done(client.emit("echo", "after a lost connect"));
            assertEquals("after a lost connect", Await.next(echoes));
            assertEquals(2, container.calls.get(), "one lost connect, one that opened");
            assertEquals(1, opened.get());
            client.close();
        }
    }

    @Test
    void aSessionTheLostConnectOpensLateIsClosedAndTheClientKeepsOne() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger disconnected = new AtomicInteger();
        try (EmbeddedServer server = Servers.start(connection -> {
            opened.incrementAndGet();
            connection.onDisconnect(disconnected::incrementAndGet);
            connection.on("echo", String.class, text -> connection.emit("echo", text));
        })) {
            Flaky container = new Flaky(ClientThreads.defaultContainer(), 1, true);
            BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
            SockeyeClient client = SockeyeClient.create(Servers.uri(server),
                    ClientOptions.builder().container(container).build());
            client.on("echo", String.class, echoes::add);
            Await.done(client.connect());
            container.lateOpenDone.await(30, TimeUnit.SECONDS);
            Await.until("the late session is closed on the server", () -> opened.get() == 2 && disconnected.get() == 1);
            Await.done(client.emit("echo", "one session"));
            assertEquals("one session", Await.next(echoes));
            assertEquals(ClientState.OPEN, client.state());
            client.close();
            Await.until("the client's own session is closed", () -> disconnected.get() == 2);
        }
    }

    @Test
    void aFailureThatIsNotTheTransportRaceFailsTheFirstConnect() throws Exception {
        try (EmbeddedServer server = Servers.start(connection -> { })) {
            WebSocketContainer broken = new Delegating(ClientThreads.defaultContainer()) {
                @Override
                public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path)
                        throws DeploymentException {
                    calls.incrementAndGet();
                    throw new DeploymentException("refused by the test", new NullPointerException("not Grizzly's"));
                }
            };
            SockeyeClient client = SockeyeClient.create(Servers.uri(server),
                    ClientOptions.builder().container(broken).build());
            Throwable failure = Await.failure(client.connect());
            assertInstanceOf(DeploymentException.class, failure);
            assertEquals(1, ((Delegating) broken).calls.get(), "not repeated");
            assertEquals(ClientState.CLOSED, client.state());
        }
    }

    @Test
    void onlyANullPointerFromTyrusGrizzlyClientCountsAsTheRace() {
        assertTrue(SockeyeClient.isTransportRace(grizzlyRace()));
        assertSame(false, SockeyeClient.isTransportRace(new DeploymentException("x", new NullPointerException())));
        assertSame(false, SockeyeClient.isTransportRace(new IOException("Connection refused")));
    }

    /** The exception {@code ClientManager} throws when Grizzly's connect future yields no connection. */
    static DeploymentException grizzlyRace() {
        NullPointerException npe = new NullPointerException(
                "Cannot invoke \"org.glassfish.grizzly.Connection.getPeerAddress()\" because \"connection\" is null");
        npe.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.glassfish.tyrus.container.grizzly.client.GrizzlyClientSocket",
                        "_connect", "GrizzlyClientSocket.java", 393)});
        return new DeploymentException(npe.getMessage(), npe);
    }

    /**
     * Throws the transport race for the first {@code losses} connects; with {@code openLate} the
     * lost connect still opens its session, once the next connect has opened.
     */
    private static final class Flaky extends Delegating {
        private final int losses;
        private final boolean openLate;
        final CountDownLatch lateOpenDone = new CountDownLatch(1);
        private final CountDownLatch retried = new CountDownLatch(1);

        Flaky(WebSocketContainer real, int losses, boolean openLate) {
            super(real);
            this.losses = losses;
            this.openLate = openLate;
        }

        @Override
        public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path)
                throws DeploymentException, IOException {
            int call = calls.incrementAndGet();
            if (call <= losses) {
                if (openLate) {
                    Thread late = new Thread(() -> {
                        try {
                            retried.await(30, TimeUnit.SECONDS);
                            Thread.sleep(100);
                            real.connectToServer(endpoint, config, path);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        } finally {
                            lateOpenDone.countDown();
                        }
                    });
                    late.setDaemon(true);
                    late.start();
                }
                throw grizzlyRace();
            }
            try {
                return real.connectToServer(endpoint, config, path);
            } finally {
                retried.countDown();
            }
        }
    }

    private static class Delegating implements WebSocketContainer {
        final WebSocketContainer real;
        final AtomicInteger calls = new AtomicInteger();

        Delegating(WebSocketContainer real) {
            this.real = real;
        }

        @Override
        public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path)
                throws DeploymentException, IOException {
            return real.connectToServer(endpoint, config, path);
        }

        @Override
        public long getDefaultAsyncSendTimeout() {
            return real.getDefaultAsyncSendTimeout();
        }

        @Override
        public void setAsyncSendTimeout(long timeoutMillis) {
            real.setAsyncSendTimeout(timeoutMillis);
        }

        @Override
        public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
            return real.connectToServer(annotatedEndpointInstance, path);
        }

        @Override
        public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
            return real.connectToServer(annotatedEndpointClass, path);
        }

        @Override
        public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig config, URI path)
                throws DeploymentException, IOException {
            return real.connectToServer(endpointClass, config, path);
        }

        @Override
        public long getDefaultMaxSessionIdleTimeout() {
            return real.getDefaultMaxSessionIdleTimeout();
        }

        @Override
        public void setDefaultMaxSessionIdleTimeout(long timeout) {
            real.setDefaultMaxSessionIdleTimeout(timeout);
        }

        @Override
        public int getDefaultMaxBinaryMessageBufferSize() {
            return real.getDefaultMaxBinaryMessageBufferSize();
        }

        @Override
        public void setDefaultMaxBinaryMessageBufferSize(int max) {
            real.setDefaultMaxBinaryMessageBufferSize(max);
        }

        @Override
        public int getDefaultMaxTextMessageBufferSize() {
            return real.getDefaultMaxTextMessageBufferSize();
        }

        @Override
        public void setDefaultMaxTextMessageBufferSize(int max) {
            real.setDefaultMaxTextMessageBufferSize(max);
        }

        @Override
        public Set<Extension> getInstalledExtensions() {
            return real.getInstalledExtensions();
        }
    }
}
