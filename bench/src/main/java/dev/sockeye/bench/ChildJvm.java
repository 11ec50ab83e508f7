package dev.sockeye.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark JVM started by the runner ({@link BenchServer} or {@link LoadGenerator}) with the
 * runner's class path: commands go to its standard input, its {@code OK}/{@code ERR} lines come
 * back, everything else it prints (logs, stack traces) goes to a log file.
 */
final class ChildJvm implements AutoCloseable {

    private static final Set<ChildJvm> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(c -> c.process.destroyForcibly())));
    }

    private final String name;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, name + "-replies");
        reader.setDaemon(true);
        reader.start();
        RUNNING.add(this);
    }

    /**
     * Starts a JVM running {@code mainClass}; its standard error and any stray output go to
     * {@code <logs>/<name>.log}.
     */
    static ChildJvm start(String name, List<String> jvmOptions, Class<?> mainClass, List<String> args, Path logs)
            throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()))
                .start();
        return new ChildJvm(name, process);
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                replies.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
        replies.add("EOF");
    }

    /** Sends one command line without waiting. */
    synchronized void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    /**
     * Waits for the next line starting with {@code prefix}, skipping other lines.
     *
     * @throws BenchException on {@code ERR}, if the JVM ended, or after {@code timeout}
     */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : replies.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new BenchException(name + ": no '" + prefix + "' within " + timeout.toSeconds() + " s");
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("ERR") || line.equals("EOF")) {
                throw new BenchException(name + ": " + line + " (waiting for '" + prefix + "')");
            }
        }
    }

    /** Sends a command and waits for its {@code OK <first word>} reply. */
    String call(String command, Duration timeout) throws IOException, InterruptedException {
        send(command);
        return await("OK " + command.split(" ")[0], timeout);
    }

    /** @return the value of {@code key=} in a reply line */
    static String field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new BenchException("no " + key + "= in '" + line + "'");
    }

    static long longField(String line, String key) {
        return Long.parseLong(field(line, key));
    }

    long pid() {
        return process.pid();
    }

    /** Asks the JVM to quit, and kills it if it has not after 5 s. */
    @Override
    public void close() {
        try {
            send("quit");
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
        RUNNING.remove(this);
    }
}
