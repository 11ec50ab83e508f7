package dev.sockeye.cluster.redis;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A cluster node in its own JVM (same class path), killable with SIGKILL to test node death. */
final class RemoteNode implements AutoCloseable {

    private final Process process;
    private final int port;

    private RemoteNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RemoteNode start(String redisUri, String prefix) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ClusterNodeApp.class.getName(), redisUri, prefix))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("PORT ")) {
                int port = Integer.parseInt(line.substring(5).trim());
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (java.io.IOException ignored) {
                        // the process ended
                    }
                }, "remote-node-output");
                drain.setDaemon(true);
                drain.start();
                return new RemoteNode(process, port);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the remote node did not start; last output: " + line);
    }

    URI uri(String room) {
        return URI.create("ws://127.0.0.1:" + port + "/ws" + (room == null ? "" : "?room=" + room));
    }

    /** Kills the JVM at once: no close frames, no cleanup in Redis. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
