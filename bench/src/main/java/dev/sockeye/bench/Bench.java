package dev.sockeye.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every scenario shares: the sizes, where logs and recordings go, and how to start the
 * server and load generator JVMs. All sockets are on 127.0.0.1.
 */
final class Bench {

    /** The two implementations, in the order of even forks (odd forks reverse it). */
    static final List<String> MODES = List.of("sockeye", "raw");
    /** Sockeye with its heartbeat off, a third mode of the fan-out latency scenario. */
    static final String SOCKEYE_WITHOUT_PINGS = "sockeye-without-pings";

    /** The load generators' client: {@code sockeye} (SockeyeClient, the default) or {@code jdk}. */
    static final List<String> CLIENTS = List.of("sockeye", "jdk");

    final Sizes sizes;
    final Path out;
    final boolean jfr;
    final String client;
    private final AtomicInteger processes = new AtomicInteger();

    Bench(Sizes sizes, Path out, boolean jfr, String client) {
        if (!CLIENTS.contains(client)) {
            throw new IllegalArgumentException("--client must be one of " + CLIENTS + ": " + client);
        }
        this.sizes = sizes;
        this.out = out;
        this.jfr = jfr;
        this.client = client;
    }

    /** @return the modes in the order fork {@code fork} runs them */
    static List<String> modes(int fork) {
        return fork % 2 == 0 ? MODES : List.of(MODES.get(1), MODES.get(0));
    }

    /** A started server JVM and the port it listens on. */
    record Server(ChildJvm jvm, int port) implements AutoCloseable {
        URI uri(String query) {
            return URI.create("ws://127.0.0.1:" + port + ServerUnderTest.PATH + (query == null ? "" : "?" + query));
        }

        String count() throws IOException, InterruptedException {
            return jvm.call("count", Duration.ofSeconds(60));
        }

        @Override
        public void close() {
            jvm.close();
        }
    }

    /** A server JVM and its load generator JVMs, started together. */
    record Fleet(Server server, List<ChildJvm> loads) implements AutoCloseable {
        @Override
        public void close() {
            closeAll(loads);
            server.close();
        }
    }

    /** Starts a server JVM and {@code loads} load generator JVMs at once, and waits until all are ready. */
    Fleet fleet(String label, String mode, String serverHeap, int loads, String loadHeap)
            throws IOException, InterruptedException {
        List<ChildJvm> started = new ArrayList<>();
        try {
            ChildJvm server = launchServer(label, mode, serverHeap, null);
            started.add(server);
            for (int i = 0; i < loads; i++) {
                started.add(launchLoad(label, i, loadHeap));
            }
            Server ready = awaitServer(server);
            for (ChildJvm load : started.subList(1, started.size())) {
                awaitLoad(load);
            }
            return new Fleet(ready, List.copyOf(started.subList(1, started.size())));
        } catch (IOException | RuntimeException | InterruptedException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * Starts a server JVM without waiting for it: see {@link #awaitServer}.
     *
     * @param heap  the maximum heap, such as {@code 1g} (a small one in the smoke size)
     * @param redis the Redis URI to cluster over, or {@code null}
     */
    ChildJvm launchServer(String label, String mode, String heap, String redis) throws IOException {
        String name = String.format("%02d-%s-server-%s", processes.incrementAndGet(), label, mode);
        List<String> options = new ArrayList<>(jvmOptions(heap));
        if (jfr && !sizes.name().equals("smoke")) {
            Path recordings = out.resolve("jfr");
            Files.createDirectories(recordings);
            options.add("-XX:StartFlightRecording=settings=profile,filename=" + recordings.resolve(name + ".jfr"));
        }
        List<String> args = new ArrayList<>(List.of("--mode", mode));
        if (redis != null) {
            args.addAll(List.of("--redis", redis));
        }
        return ChildJvm.start(name, options, BenchServer.class, args, out.resolve("logs"));
    }

    /** Waits until a launched server listens. */
    static Server awaitServer(ChildJvm jvm) throws InterruptedException {
        String port = jvm.await("PORT", Duration.ofSeconds(120));
        return new Server(jvm, Integer.parseInt(port.substring(5).trim()));
    }

    /**
     * Starts a load generator JVM without waiting for it (see {@link #awaitLoad}): its connections
     * are {@link dev.sockeye.client.SockeyeClient}s, or with {@code --client jdk} the JDK's
     * {@code java.net.http.WebSocket}, which shows how much of a latency is the client's own cost.
     */
    ChildJvm launchLoad(String label, int index, String heap) throws IOException {
        String name = String.format("%02d-%s-load-%d", processes.incrementAndGet(), label, index);
        List<String> args = client.equals("jdk") ? List.of("jdk") : List.of();
        return ChildJvm.start(name, jvmOptions(heap), LoadGenerator.class, args, out.resolve("logs"));
    }

    static void awaitLoad(ChildJvm jvm) throws InterruptedException {
        jvm.await("READY", Duration.ofSeconds(120));
    }

    /**
     * The options of a benchmark JVM: G1 with a fixed heap; in the smoke size a small heap and the
     * client compiler only, which start fastest (speed is not measured there).
     */
    List<String> jvmOptions(String heap) {
        if (sizes.name().equals("smoke")) {
            return List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        }
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC");
    }

    /** @return load generator JVMs needed for {@code connections} */
    int processesFor(int connections) {
        return Math.max(1, (connections + sizes.connectionsPerLoadProcess() - 1) / sizes.connectionsPerLoadProcess());
    }

    /** What a connect phase achieved, summed over the load generators. */
    record Connected(long ok, long failed, long retries, long millis) {
    }

    /**
     * Opens {@code total} connections to {@code uri}, split evenly over the load generators, all
     * connecting at once.
     */
    static Connected connect(List<ChildJvm> loads, URI uri, int total) throws IOException, InterruptedException {
        int each = total / loads.size();
        int extra = total % loads.size();
        for (int i = 0; i < loads.size(); i++) {
            int n = each + (i < extra ? 1 : 0);
            loads.get(i).send("connect " + uri + " " + n + " 32");
        }
        Duration timeout = Duration.ofSeconds(120 + total / 50);
        long ok = 0;
        long failed = 0;
        long retries = 0;
        long millis = 0;
        for (ChildJvm load : loads) {
            String reply = load.await("OK connect", timeout);
            ok += ChildJvm.longField(reply, "ok");
            failed += ChildJvm.longField(reply, "failed");
            retries += ChildJvm.longField(reply, "retries");
            millis = Math.max(millis, ChildJvm.longField(reply, "ms"));
        }
        return new Connected(ok, failed, retries, millis);
    }

    /** Waits until the server counts at least {@code expected} connections, or they stop coming. */
    static long awaitConnections(Server server, long expected) throws IOException, InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        while (true) {
            long n = ChildJvm.longField(server.count(), "n");
            if (n >= expected) {
                return n;
            }
            if (n != last) {
                last = n;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(10).toNanos()) {
                return n;
            }
            Thread.sleep(200);
        }
    }

    /** Sums the {@code received} counters of the load generators. */
    static long received(List<ChildJvm> loads) throws IOException, InterruptedException {
        long sum = 0;
        for (ChildJvm load : loads) {
            sum += ChildJvm.longField(load.call("received", Duration.ofSeconds(30)), "n");
        }
        return sum;
    }

    /** Waits until the load generators received {@code expected} frames, or nothing more comes for 10 s. */
    static long awaitReceived(List<ChildJvm> loads, long expected) throws IOException, InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        while (true) {
            long n = received(loads);
            if (n >= expected) {
                return n;
            }
            if (n != last) {
                last = n;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(10).toNanos()) {
                return n;
            }
            Thread.sleep(100);
        }
    }

    static void closeAll(List<? extends AutoCloseable> closeables) {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort: the shutdown hook kills what is left
            }
        }
    }

    /** @return the 1-minute load average, or -1 where {@code /proc/loadavg} does not exist */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void log(String message) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), message);
        System.out.flush();
    }
}
