package dev.sockeye.neffos.tests;

import dev.sockeye.embedded.EmbeddedServer;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the Node tests in {@code test/} (node's test runner, the published neffos.js 0.1.34 with
 * {@code ws}) against the {@link NeffosFixture} on a real embedded server on a free loopback port,
 * and passes when node exits with 0. Installs the locked npm dependencies first when they are
 * missing. The tests find the server in {@code NEFFOS_URL}, {@code NEFFOS_BINARY_URL}, {@code IRIS_URL} and
 * {@code CONTROL_URL}.
 */
class NeffosJsClientTest {

    private static final Path FOLDER = Path.of("").toAbsolutePath();
    private static final String SET_UP = "Node.js 18 or newer with npm must be on the PATH";

    @Test
    void neffosJsTalksToSockeye() throws Exception {
        npmCiWhenMissing();
        EmbeddedServer server = NeffosFixture.start(0);
        try (RestartControl control = new RestartControl(server)) {
            List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1"));
            command.addAll(testFiles());
            int exit = run(command, Map.of(
                    "NEFFOS_URL", "ws://127.0.0.1:" + server.port() + "/neffos",
                    "NEFFOS_BINARY_URL", "ws://127.0.0.1:" + server.port() + "/neffos-binary",
                    "IRIS_URL", "ws://127.0.0.1:" + server.port() + "/iris",
                    "CONTROL_URL", control.url()), 180);
            assertEquals(0, exit, "the neffos.js tests failed; their output is above");
        }
    }

    private static List<String> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER.resolve("test"))) {
            List<String> names = files.map(p -> "test/" + p.getFileName()).filter(n -> n.endsWith(".test.mjs"))
                    .sorted().toList();
            assertTrue(!names.isEmpty(), "no test files in " + FOLDER.resolve("test"));
            return names;
        }
    }

    private static void npmCiWhenMissing() throws Exception {
        Path installed = FOLDER.resolve(Path.of("node_modules", ".package-lock.json"));
        Path lock = FOLDER.resolve("package-lock.json");
        if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300), "npm ci failed; " + SET_UP);
    }

    private static int run(List<String> command, Map<String, String> environment, long timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("cannot run " + command.get(0) + ": " + e.getMessage() + "; " + SET_UP, e);
        }
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                lines.lines().forEach(line -> System.out.println("[" + command.get(0) + "] " + line));
            } catch (IOException | java.io.UncheckedIOException e) {
                System.out.println("(output lost: " + e + ")");
            }
        }, "node-output");
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        pump.join(5000);
        return process.exitValue();
    }
}
