package dev.sockeye.neffos.tests;

import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.Sockeye;
import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real embedded server with one neffos endpoint {@code /neffos} whose namespace {@code default}
 * has the given events (and answer timeout, by default {@link Namespaces#DEFAULT_ANSWER_TIMEOUT}),
 * for the tests that write frames by hand ({@link RawNeffosSocket}). Every
 * connection's error listener records what it hears; each test starts with none recorded. Register
 * it as a static {@code @RegisterExtension} field: the server runs for the test class.
 */
final class NeffosTestServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final Config config;
    private final Events events;
    private final Duration answerTimeout;
    private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    private EmbeddedServer server;

    NeffosTestServer(Config config, Events events) {
        this(config, events, Namespaces.DEFAULT_ANSWER_TIMEOUT);
    }

    NeffosTestServer(Config config, Events events, Duration answerTimeout) {
        this.config = config;
        this.events = events;
        this.answerTimeout = answerTimeout;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Namespaces namespaces = Namespaces.builder()
                .onConnect(connection -> connection.onError(errors::add))
                .answerTimeout(answerTimeout)
                .namespace("default", events)
                .build();
        server = EmbeddedServer.builder().endpoint(Sockeye.neffosEndpoint("/neffos", config, namespaces)).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        errors.clear();
    }

    /** @return a new raw client, connected to the server and past the handshake */
    RawNeffosSocket client() throws Exception {
        return RawNeffosSocket.open(server.uri("/neffos"));
    }

    /** @return the next problem an error listener heard; fails after 5 s */
    Throwable nextError() throws InterruptedException {
        Throwable problem = errors.poll(5, TimeUnit.SECONDS);
        if (problem == null) {
            throw new AssertionError("no error listener heard anything within 5 s");
        }
        return problem;
    }
}
