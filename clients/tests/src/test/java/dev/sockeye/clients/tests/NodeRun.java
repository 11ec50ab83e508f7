package dev.sockeye.clients.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the machine's {@code node} and {@code npm} on the test folder (this module's directory):
 * installs the locked dependencies when they are missing, runs Node's test runner with the output
 * streamed to the build log, and reads back each test's result from a TAP report.
 */
final class NodeRun {

    /** The module directory, where package.json lives; Surefire runs the tests there. */
    static final Path FOLDER = Path.of("").toAbsolutePath();
    static final Path REPORTS = FOLDER.resolve(Path.of("target", "node-reports"));
    static final Path ARTIFACTS = FOLDER.resolve(Path.of("target", "artifacts"));
    private static final String SET_UP = "run scripts/setup.sh from the repository root (it installs Chromium and "
            + "the test dependencies), and have Node.js 18 or newer with npm on the PATH";

    /** One test of the TAP report: its path of names, whether it passed, and the failure's YAML block. */
    record TapTest(String name, boolean ok, String detail) {
    }

    record Outcome(int exitCode, List<TapTest> tests) {
    }

    private NodeRun() {
    }

    /** Runs {@code npm ci} when node_modules is missing or older than package-lock.json. */
    static synchronized void ensureInstalled() throws Exception {
        Path lock = FOLDER.resolve("package-lock.json");
        Path installed = FOLDER.resolve(Path.of("node_modules", ".package-lock.json"));
        if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        System.out.println("[npm] node_modules is missing or stale: npm ci");
        int exit = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5), "[npm] ");
        assertEquals(0, exit, "npm ci failed in " + FOLDER + "; " + SET_UP);
    }

    /**
     * Runs {@code node --test} on the given files, one file at a time.
     *
     * @param report the report's file name under target/node-reports
     */
    static Outcome test(List<String> files, Map<String, String> environment, String report, Duration timeout) throws Exception {
        Files.createDirectories(REPORTS);
        Files.createDirectories(ARTIFACTS);
        Path tap = REPORTS.resolve(report + ".tap");
        Files.deleteIfExists(tap);
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1",
                "--test-reporter=spec", "--test-reporter-destination=stdout",
                "--test-reporter=tap", "--test-reporter-destination=" + tap));
        command.addAll(files);
        int exit = run(command, environment, timeout, "[node] ");
        List<TapTest> tests = Files.exists(tap) ? parse(Files.readAllLines(tap, UTF_8)) : List.of();
        return new Outcome(exit, tests);
    }

    /** @return the test files of a folder, sorted */
    static List<String> files(String folder) throws IOException {
        try (Stream<Path> paths = Files.list(FOLDER.resolve(folder))) {
            return paths.map(p -> folder + "/" + p.getFileName()).filter(name -> name.endsWith(".test.mjs"))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static int run(List<String> command, Map<String, String> environment, Duration timeout, String prefix)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("cannot run '" + command.get(0) + "' (" + e.getMessage() + "): " + SET_UP, e);
        }
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    System.out.println(prefix + line);
                }
            } catch (IOException e) {
                System.out.println(prefix + "(output lost: " + e + ")");
            }
        }, "node-output");
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeout);
        }
        pump.join(5000);
        return process.exitValue();
    }

    private static final Pattern SUBTEST = Pattern.compile("^(\\s*)# Subtest: (.*)$");
    private static final Pattern RESULT = Pattern.compile("^(\\s*)(ok|not ok) \\d+ - (.*?)(?: # (SKIP|TODO).*)?$");

    /**
     * Reads a TAP report of Node's test runner: "# Subtest: name" opens a test (indented four spaces
     * per level), "ok N - name" or "not ok N - name" closes it. Leaf tests are kept, and a failed
     * parent none of whose children failed (a hook or a file that failed to load); a failed test's
     * YAML block (its error) becomes its detail.
     */
    static List<TapTest> parse(List<String> lines) {
        final class Frame {
            final String name;
            boolean hasChildren;
            boolean childFailed;

            Frame(String name) {
                this.name = name;
            }
        }
        List<TapTest> tests = new ArrayList<>();
        List<Frame> stack = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher subtest = SUBTEST.matcher(lines.get(i));
            if (subtest.matches()) {
                int depth = subtest.group(1).length() / 4;
                stack.subList(Math.min(depth, stack.size()), stack.size()).clear();
                if (!stack.isEmpty()) {
                    stack.get(stack.size() - 1).hasChildren = true;
                }
                stack.add(new Frame(subtest.group(2)));
                continue;
            }
            Matcher result = RESULT.matcher(lines.get(i));
            int depth = result.matches() ? result.group(1).length() / 4 : -1;
            if (depth < 0 || depth >= stack.size()) {
                continue;
            }
            Frame frame = stack.get(depth);
            boolean ok = result.group(2).equals("ok");
            if (!frame.hasChildren || (!ok && !frame.childFailed)) {
                StringBuilder detail = new StringBuilder();
                for (int j = i + 1; !ok && j < lines.size() && !lines.get(j).trim().equals("..."); j++) {
                    detail.append(lines.get(j).trim()).append('\n');
                }
                String name = stack.subList(0, depth + 1).stream().map(f -> f.name).collect(Collectors.joining(" > "));
                tests.add(new TapTest(name, ok, detail.toString()));
            }
            if (!ok && depth > 0) {
                stack.get(depth - 1).childFailed = true;
            }
            stack.subList(depth, stack.size()).clear();
        }
        return tests;
    }
}
