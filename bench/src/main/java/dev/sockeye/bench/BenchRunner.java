package dev.sockeye.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmark scenarios and writes {@code results.json} and {@code results.md}.
 * <pre>
 * scripts/bench.sh [--size full|smoke] [--only echo,fanout,throughput,memory,scale,cluster,micro]
 *                  [--out DIR] [--jfr] [--client sockeye|jdk]
 * </pre>
 * {@code --client jdk} makes the load generators' connections the JDK's
 * {@code java.net.http.WebSocket} instead of {@code SockeyeClient}s (the default).
 * {@code --jfr} records every server JVM with Flight Recorder ({@code settings=profile}) into
 * {@code DIR/jfr}; {@link JfrSummary} prints where their time and allocations go.
 */
public final class BenchRunner {

    static final List<Scenario> SCENARIOS = List.of(new EchoScenario(), new FanOutLatencyScenario(),
            new FanOutThroughputScenario(), new MemoryScenario(), new ScaleScenario(), new ClusterScaleScenario(),
            new MicroScenario());

    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        String size = "full";
        Set<String> only = null;
        Path out = Path.of("bench", "target", "bench-results");
        boolean jfr = false;
        String client = "sockeye";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = args[++i];
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                case "--jfr" -> jfr = true;
                case "--client" -> client = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--size full|smoke] [--only echo,fanout,throughput,memory,scale,cluster,micro]"
                        + " [--out DIR] [--jfr] [--client sockeye|jdk]");
            }
        }
        Report report = run(new Bench(Sizes.named(size), out, jfr, client), only, Path.of("."));
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("written: " + out.resolve("results.md") + " and " + out.resolve("results.json"));
        System.exit(0);
    }

    /** Runs the scenarios ({@code only} those named, or all) and writes the report after each one. */
    static Report run(Bench bench, Set<String> only, Path repository) throws java.io.IOException {
        deleteRecursively(bench.out.resolve("logs"));
        String started = Report.now();
        Map<String, Object> machine = Machine.describe(repository);
        machine.put("loadClient", bench.client.equals("jdk") ? "java.net.http.WebSocket (--client jdk)" : "SockeyeClient");
        List<Map<String, Object>> scenarios = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Report report = null;
        for (Scenario scenario : SCENARIOS) {
            if (only != null && !only.contains(scenario.name())) {
                continue;
            }
            double loadBefore = Bench.loadAverage();
            long start = System.nanoTime();
            try {
                rows.addAll(scenario.run(bench));
            } catch (Exception | AssertionError e) {
                Bench.log(scenario.name() + " failed: " + e);
                e.printStackTrace(System.out);
                rows.add(Row.failed(scenario.name(), "", e.toString()));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", scenario.name());
            entry.put("loadBefore", loadBefore);
            entry.put("loadAfter", Bench.loadAverage());
            entry.put("seconds", (System.nanoTime() - start) / 1_000_000_000);
            scenarios.add(entry);
            List<Row> judged = bench.sizes.name().equals("full") ? Targets.judge(rows) : rows;
            report = new Report(bench.sizes.name(), started, Report.now(), machine, scenarios, judged);
            Report.writeQuietly(report, bench.out);
        }
        return report;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (java.nio.file.Files.isDirectory(dir)) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
        }
    }
}
