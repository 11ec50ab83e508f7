package dev.sockeye.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scale, clustered: several Sockeye nodes on one Redis, N idle connections on each (one load
 * generator JVM per node), then broadcasts to everybody from the first node, which reach the others
 * through Redis. Sockeye only: the raw endpoint has no cluster. Bounded in time: every phase has a
 * deadline, and what was measured is reported.
 */
final class ClusterScaleScenario implements Scenario {

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Sizes s = bench.sizes;
        int perNode = s.clusterConnectionsPerNode();
        int nodes = s.clusterNodes();
        Samples samples = new Samples();
        List<String> notes = new ArrayList<>();
        List<Bench.Server> servers = new ArrayList<>();
        List<ChildJvm> loads = new ArrayList<>();
        List<ChildJvm> launched = new ArrayList<>();
        Bench.log("cluster: " + nodes + " nodes × " + perNode + " connections");
        try (RedisProcess redis = RedisProcess.start(bench.out.resolve("logs"))) {
            try {
                for (int i = 0; i < nodes; i++) {
                    launched.add(bench.launchServer("cluster" + i, "sockeye", "1536m", redis.uri()));
                }
                int perProcess = Math.min(perNode, 19_000 - ScaleScenario.SERVER_FILES_HEADROOM);
                int processesPerNode = (perNode + perProcess - 1) / perProcess;
                List<List<ChildJvm>> byNode = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    List<ChildJvm> node = new ArrayList<>();
                    for (int p = 0; p < processesPerNode; p++) {
                        node.add(bench.launchLoad("cluster" + i, p, "2g"));
                    }
                    byNode.add(node);
                    loads.addAll(node);
                }
                for (ChildJvm server : launched) {
                    servers.add(Bench.awaitServer(server));
                }
                for (ChildJvm load : loads) {
                    Bench.awaitLoad(load);
                }
                long start = System.nanoTime();
                for (int i = 0; i < nodes; i++) {
                    int each = perNode / processesPerNode;
                    for (int p = 0; p < processesPerNode; p++) {
                        int count = each + (p < perNode % processesPerNode ? 1 : 0);
                        byNode.get(i).get(p).send("connect " + servers.get(i).uri(null) + " " + count + " 32");
                    }
                }
                long failed = 0;
                long retries = 0;
                for (ChildJvm load : loads) {
                    String reply = load.await("OK connect", Duration.ofSeconds(120 + perNode / 50));
                    failed += ChildJvm.longField(reply, "failed");
                    retries += ChildJvm.longField(reply, "retries");
                }
                long held = 0;
                for (Bench.Server server : servers) {
                    held += Bench.awaitConnections(server, perNode);
                }
                long connectedAt = System.nanoTime();
                notes.add("connected in " + (connectedAt - start) / 1_000_000_000 + " s, " + failed + " failed, "
                        + retries + " handshake retries; " + clusterViewCatchesUp(servers.get(0), held, connectedAt));
                samples.add("held", "sockeye", held);
                Deliveries d = ScaleScenario.broadcasts(servers.get(0).jvm(), loads, held, s.scaleBroadcasts());
                ScaleScenario.record(samples, "sockeye", d, held, s.scaleBroadcasts());
            } finally {
                Bench.closeAll(loads);
                Bench.closeAll(launched);
            }
        }
        String scenario = "scale, " + nodes + " clustered nodes over Redis";
        String params = String.format("%,d", nodes * perNode) + " idle connections asked (" + nodes + " × "
                + String.format("%,d", perNode) + "), " + s.scaleBroadcasts() + " broadcasts to all from node 1";
        List<Row> rows = ScaleScenario.rows(samples, scenario, params);
        rows.set(0, rows.get(0).withNote(String.join("; ", notes) + "; the raw endpoint has no cluster"));
        return rows;
    }

    /** A {@code redis-server} on a free loopback port without persistence, as the cluster-redis tests run it. */
    static final class RedisProcess implements AutoCloseable {
        private final Process process;
        private final int port;

        private RedisProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static RedisProcess start(Path logs) throws Exception {
            String binary = System.getProperty("bench.redis", "/usr/bin/redis-server");
            if (!new java.io.File(binary).canExecute()) {
                throw new BenchException("redis-server is not installed at " + binary
                        + ": run scripts/setup.sh (apt-get install -y redis-server)");
            }
            int port;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            java.nio.file.Files.createDirectories(logs);
            Process process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--maxclients", "1000")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("redis.log").toFile())).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    return new RedisProcess(process, port);
                } catch (java.io.IOException notYet) {
                    Thread.sleep(50);
                }
            }
            process.destroyForcibly();
            throw new BenchException("redis-server did not listen on port " + port);
        }

        String uri() {
            return "redis://127.0.0.1:" + port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * Each node writes its connections to Redis on a background worker, so the cluster's count lags
     * the nodes' own counts after a burst of connections: waits (at most 60 s) until node 1's
     * cluster view counts every held connection, and says how long that took.
     */
    private static String clusterViewCatchesUp(Bench.Server server, long held, long connectedAt)
            throws IOException, InterruptedException {
        long deadline = connectedAt + Duration.ofSeconds(60).toNanos();
        long seen = ChildJvm.longField(server.count(), "cluster");
        while (seen != held && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = ChildJvm.longField(server.count(), "cluster");
        }
        long ms = (System.nanoTime() - connectedAt) / 1_000_000;
        return seen == held
                ? "the cluster view of node 1 counted all " + held + " connections " + ms + " ms after the nodes did"
                : "the cluster view of node 1 still counted " + seen + " after " + ms + " ms";
    }
}
