package dev.sockeye.tck.it;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.OnEvent;
import dev.sockeye.tck.TestClient;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application with an invalid endpoint class does not deploy at all (its valid endpoint is not
 * served either), and the failure names the class, each bad method, the parameter and what would
 * have been accepted; a class CDI cannot construct is reported in the same failure as its bad
 * methods, and so are an endpoint bean of a scope whose context a connection's messages do not
 * have ({@code @RequestScoped}, {@code @SessionScoped}) and an unsatisfied injection point; two
 * endpoint classes on one path fail the deployment naming both. That the valid endpoint is not
 * served is checked while the failed deployment is still in place; it is undeployed after each
 * test. Containers report a failed deployment differently: WildFly returns the
 * message to the deployer; embedded GlassFish and Payara only log it (in this JVM), and Payara
 * Micro prints it to its console, which its adapter copies to this JVM's standard output. The test
 * reads all three. The refused connection is tried with the raw {@link dev.sockeye.tck.TestClient}:
 * the failed upgrade itself is asserted.
 */
@ExtendWith(ArquillianExtension.class)
class InvalidEndpointFailsDeploymentIT {

    public record Move(String piece, int x, int y) {
    }

    @EventEndpoint("/good")
    public static class GoodEndpoint {
        @OnEvent("ping")
        public String ping() {
            return "pong";
        }
    }

    @EventEndpoint("/bad")
    public static class BadEndpoint {
        @OnEvent("chat")
        public void chat(Connection connection, String text, Move move) {
        }

        @OnConnect
        public String connect(Connection connection) {
            return "";
        }
    }

    @EventEndpoint("/good")
    public static class SecondGoodEndpoint {
        @OnEvent("ping")
        public String ping() {
            return "pong, too";
        }
    }

    /** Not a CDI bean, and CDI cannot construct it: no constructor without parameters, none with {@code @Inject}. */
    @EventEndpoint("/unmakeable")
    public static class UnmakeableEndpoint {
        public UnmakeableEndpoint(String name) {
        }

        @OnDisconnect
        public String gone() {
            return "";
        }
    }

    /** A bean whose request context is not active for a connection's messages, with a bad method too. */
    @RequestScoped
    @EventEndpoint("/request")
    public static class RequestScopedEndpoint {
        @OnConnect
        public String connect(Connection connection) {
            return "";
        }
    }

    /** Passivation-capable, as CDI requires of a session-scoped bean, and still refused. */
    @SessionScoped
    @EventEndpoint("/session")
    public static class SessionScopedEndpoint implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** No implementation anywhere. */
    public interface Missing {
    }

    /** Not a bean, so CDI's own validation does not see it: Sockeye checks its injection points. */
    @EventEndpoint("/unsatisfied")
    public static class UnsatisfiedEndpoint {
        @Inject
        Missing missing;
    }

    @Deployment(name = "bad", managed = false, testable = false)
    static WebArchive deployment() {
        return Wars.war("invalid", GoodEndpoint.class, BadEndpoint.class, Move.class);
    }

    @Deployment(name = "same-path", managed = false, testable = false)
    static WebArchive samePath() {
        return Wars.war("same-path", GoodEndpoint.class, SecondGoodEndpoint.class);
    }

    @Deployment(name = "unmakeable", managed = false, testable = false)
    static WebArchive unmakeable() {
        return Wars.war("unmakeable", GoodEndpoint.class, UnmakeableEndpoint.class);
    }

    @Deployment(name = "scoped", managed = false, testable = false)
    static WebArchive scoped() {
        return Wars.war("scoped", GoodEndpoint.class, RequestScopedEndpoint.class, SessionScopedEndpoint.class);
    }

    @Deployment(name = "unsatisfied", managed = false, testable = false)
    static WebArchive unsatisfied() {
        return Wars.war("unsatisfied", GoodEndpoint.class, UnsatisfiedEndpoint.class, Missing.class);
    }

    @ArquillianResource
    private Deployer deployer;

    /** The deployment the test deployed, undeployed after it. */
    private String deployed;

    /**
     * Payara Micro keeps the process of a failed deployment running, on the build's one port, until
     * it is undeployed: the next deployment of this class could not start otherwise. Containers
     * that have nothing to undeploy may refuse; that is fine.
     */
    @AfterEach
    void undeploy() {
        if (deployed == null) {
            return;
        }
        try {
            deployer.undeploy(deployed);
        } catch (Exception nothingDeployed) { // some adapters throw their checked exceptions undeclared
            // nothing to undo
        }
    }

    @Test
    void theDeploymentFailsWithEveryProblemListedAndNothingIsServed() throws Exception {
        String text = deployFailing("bad", "@OnConnect may return void");

        assertTrue(text.contains("cannot deploy the Sockeye endpoint " + BadEndpoint.class.getName() + ": 2 problems"), text);
        assertTrue(text.contains("BadEndpoint.chat(Connection, String, Move): parameter 3 (Move move) is a second value parameter"
                + " after one of type String; @OnEvent accepts Connection, Handshake, ConnectionRegistry, @PathParam(\"name\") String,"
                + " and at most one payload parameter"), text);
        assertTrue(text.contains("BadEndpoint.connect(Connection) returns String; @OnConnect may return void"), text);
        assertNotServed("/invalid/good");
    }

    @Test
    void twoEndpointClassesOnOnePathFailTheDeploymentNamingBoth() throws Exception {
        String text = deployFailing("same-path", "they have the same path");

        assertTrue(text.contains("cannot deploy the Iris-protocol endpoints " + GoodEndpoint.class.getName() + ", "
                + SecondGoodEndpoint.class.getName() + ": they have the same path /good"), text);
        assertNotServed("/same-path/good");
    }

    @Test
    void aClassCdiCannotConstructIsReportedWithItsBadMethods() throws Exception {
        String text = deployFailing("unmakeable", "none annotated @Inject");

        assertTrue(text.contains("cannot deploy the Sockeye endpoint " + UnmakeableEndpoint.class.getName() + ": 2 problems"), text);
        assertTrue(text.contains("UnmakeableEndpoint.gone() returns String; @OnDisconnect may return void"), text);
        assertTrue(text.contains("UnmakeableEndpoint has no constructor without parameters and none annotated @Inject, "
                + "which CDI needs to create one instance per connection"), text);
        assertNotServed("/unmakeable/good");
    }

    @Test
    void anEndpointBeanOfAScopeThatAConnectionHasNoContextForFailsTheDeployment() throws Exception {
        String text = deployFailing("scoped", "SessionScopedEndpoint is @SessionScoped");

        String accepted = "whose context is not active for a connection's messages; accepted: @ApplicationScoped or"
                + " @Singleton (one instance for every connection), @Dependent or no bean-defining annotation (one instance"
                + " per connection)";
        assertTrue(text.contains("cannot deploy the Sockeye endpoint " + RequestScopedEndpoint.class.getName() + ": 2 problems"), text);
        assertTrue(text.contains("RequestScopedEndpoint.connect(Connection) returns String; @OnConnect may return void"), text);
        assertTrue(text.contains("RequestScopedEndpoint is @RequestScoped, " + accepted), text);
        assertTrue(text.contains("cannot deploy the Sockeye endpoint " + SessionScopedEndpoint.class.getName() + ": 1 problem"), text);
        assertTrue(text.contains("SessionScopedEndpoint is @SessionScoped, " + accepted), text);
        assertNotServed("/scoped/good");
    }

    @Test
    void anUnsatisfiedInjectionPointFailsTheDeploymentNotTheFirstConnection() throws Exception {
        String text = deployFailing("unsatisfied", "has unsatisfied injection points");

        assertTrue(text.contains("cannot deploy the Sockeye endpoint " + UnsatisfiedEndpoint.class.getName() + ": 1 problem"), text);
        assertTrue(text.contains("UnsatisfiedEndpoint has unsatisfied injection points: "), text);
        assertTrue(text.contains(Missing.class.getSimpleName()), "CDI's reason names the missing type: " + text);
        assertNotServed("/unsatisfied/good");
    }

    private static void assertNotServed(String path) {
        URI uri = URI.create("ws://127.0.0.1:" + System.getProperty("sockeye.it.http.port") + path);
        assertThrows(jakarta.websocket.DeploymentException.class, () -> TestClient.connect(uri),
                "the valid endpoint of the failed application is not served");
    }

    /**
     * Deploys a deployment that must fail and collects what the container reported: the
     * deployer's exception, this JVM's log records and standard output, and the server log, until
     * {@code awaited} shows up or 30 s have passed. The deployment stays in place until the test ends.
     */
    private String deployFailing(String deployment, String awaited) throws Exception {
        StringBuilder reported = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                reported.append(record.getMessage()).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        long logBefore = serverLogSize();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        String text;
        deployed = deployment;
        try {
            try {
                deployer.deploy(deployment);
            } catch (Exception failure) { // some adapters throw their checked DeploymentException undeclared
                reported.append(fullText(failure));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                text = reported + serverLogSince(logBefore) + console.toString(StandardCharsets.UTF_8);
            } while (!text.contains(awaited) && System.nanoTime() < deadline && pause());
        } finally {
            root.removeHandler(capture);
            System.setOut(out);
        }
        return text;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    /** Copies what is written to standard output while the deployment runs. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            synchronized (second) {
                second.write(bytes, offset, length);
            }
        }
    }

    /** @return the server log file the build names (managed containers), or {@code null} */
    private static Path serverLog() {
        String file = System.getProperty("sockeye.it.server.log");
        return file == null || !Files.exists(Path.of(file)) ? null : Path.of(file);
    }

    private static long serverLogSize() throws IOException {
        Path log = serverLog();
        return log == null ? 0 : Files.size(log);
    }

    /** @return what the server logged after {@code offset} bytes (this test's deployment only) */
    private static String serverLogSince(long offset) throws IOException {
        Path log = serverLog();
        if (log == null) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        return offset > all.length ? "" : new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }

    /** @return the messages and stack traces of the whole cause chain, as the container reported them */
    private static String fullText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString().replace("\\\"", "\""); // WildFly quotes the message in its management response
    }
}
