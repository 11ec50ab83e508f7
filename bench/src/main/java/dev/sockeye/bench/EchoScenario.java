package dev.sockeye.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Echo: N connections, each sending an event and the next one as soon as the echo arrives, first a
 * small text event, then a JSON record event ({@link Move}, decoded into the record and encoded
 * again). Round trips per second, and round-trip p50/p99.
 */
final class EchoScenario implements Scenario {

    private static final List<String> KINDS = List.of("text", "json");

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Sizes s = bench.sizes;
        Samples samples = new Samples();
        for (int fork = 0; fork < s.forks(); fork++) {
            for (String mode : Bench.modes(fork)) {
                Bench.log("echo: fork " + fork + ", " + mode);
                try (Bench.Fleet fleet = bench.fleet("echo", mode, "1g", 1, "1g")) {
                    measure(s, fleet, mode, samples);
                }
            }
        }
        String params = s.echoConnections() + " connections, closed loop, " + s.forks() + " × " + s.runs() + " runs of "
                + seconds(s.echoRun()) + " after a warm-up of " + seconds(s.echoWarmup()) + ", then until three "
                + seconds(s.echoRun()) + " windows in a row agree within 5 % (at most "
                + seconds(s.echoWarmup().multipliedBy(MAX_WARMUP_FACTOR)) + " in all)";
        List<Row> rows = new ArrayList<>();
        for (String kind : KINDS) {
            String scenario = "echo, " + (kind.equals("text") ? "text event" : "JSON record event");
            rows.add(samples.row(scenario, params, kind + " rate", "round trips per second", "msg/s", true));
            rows.add(samples.row(scenario, params, kind + " p50", "round trip p50", "µs", false));
            rows.add(samples.row(scenario, params, kind + " p99", "round trip p99", "µs", false));
            rows.add(samples.row(scenario, params, kind + " server cpu", "server CPU per round trip", "µs", false));
            rows.add(samples.row(scenario, params, kind + " cpu share", "server CPU ÷ load generator CPU", "×", false));
        }
        return rows;
    }

    private static void measure(Sizes s, Bench.Fleet fleet, String mode, Samples samples) throws Exception {
        ChildJvm load = fleet.loads().get(0);
        Bench.Connected connected = Bench.connect(fleet.loads(), fleet.server().uri(null), s.echoConnections());
        if (connected.ok() < s.echoConnections()) {
            throw new BenchException("only " + connected.ok() + " of " + s.echoConnections() + " connected");
        }
        for (String kind : KINDS) {
            load.call("echo start " + kind, Duration.ofSeconds(30));
            warmUp(s, load, kind);
            for (int run = 0; run < s.runs(); run++) {
                long serverCpu = cpuNanos(fleet.server().jvm());
                long loadCpu = cpuNanos(load);
                Thread.sleep(s.echoRun().toMillis());
                String reply = load.call("echo snapshot", Duration.ofSeconds(30));
                long serverCpuUsed = cpuNanos(fleet.server().jvm()) - serverCpu;
                long loadCpuUsed = cpuNanos(load) - loadCpu;
                long roundTrips = ChildJvm.longField(reply, "count");
                double rate = roundTrips / (ChildJvm.longField(reply, "ns") / 1e9);
                if (roundTrips > 0 && serverCpuUsed > 0 && loadCpuUsed > 0) {
                    samples.add(kind + " server cpu", mode, serverCpuUsed / 1e3 / roundTrips);
                    samples.add(kind + " cpu share", mode, (double) serverCpuUsed / loadCpuUsed);
                }
                Histogram h = LoadGenerator.decode(ChildJvm.field(reply, "hist"));
                samples.add(kind + " rate", mode, rate);
                samples.add(kind + " p50", mode, h.getValueAtPercentile(50));
                samples.add(kind + " p99", mode, h.getValueAtPercentile(99));
                Bench.log(String.format("  %s run %d: %.0f round trips/s, p50 %d µs, p99 %d µs", kind, run, rate,
                        h.getValueAtPercentile(50), h.getValueAtPercentile(99)));
            }
            load.call("echo stop", Duration.ofSeconds(30));
            Thread.sleep(300);
        }
    }

    /**
     * The warm-up: {@code echoWarmup}, then windows of {@code echoRun} until the rates of
     * {@value #STEADY_PAIRS} + 1 windows in a row each lie within {@value #STEADY} of the one before
     * (two agreeing windows alone were seen at a third of the final rate) (at most {@link #MAX_WARMUP_FACTOR} times
     * {@code echoWarmup} in all). On 2 cores shared by server, load generator and their JIT
     * compilers, a fixed 15 s left the first measured runs at half the rate of the last ones.
     */
    private static void warmUp(Sizes s, ChildJvm load, String kind) throws Exception {
        Thread.sleep(s.echoWarmup().toMillis());
        load.call("echo snapshot", Duration.ofSeconds(30));
        long deadline = System.nanoTime() + s.echoWarmup().multipliedBy(MAX_WARMUP_FACTOR - 1).toNanos();
        double previous = -1;
        int windows = 0;
        int agreeing = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(s.echoRun().toMillis());
            String reply = load.call("echo snapshot", Duration.ofSeconds(30));
            double rate = ChildJvm.longField(reply, "count") / (ChildJvm.longField(reply, "ns") / 1e9);
            windows++;
            agreeing = previous > 0 && Math.abs(rate - previous) <= STEADY * previous ? agreeing + 1 : 0;
            previous = rate;
            if (agreeing == STEADY_PAIRS) {
                break;
            }
        }
        Bench.log(String.format("  %s warm-up: %s and %d windows of %s, last window %s", kind,
                seconds(s.echoWarmup()), windows, seconds(s.echoRun()),
                previous > 0 ? String.format("%.0f round trips/s", previous) : "none"));
    }

    /** Two consecutive warm-up windows this close (relative) agree. */
    static final double STEADY = 0.05;
    /** Agreeing consecutive pairs in a row that end the warm-up. */
    static final int STEADY_PAIRS = 2;
    /** The warm-up lasts at most this many times {@code echoWarmup}. */
    static final int MAX_WARMUP_FACTOR = 5;

    /**
     * The CPU time a child JVM has used so far (user and system, all threads, GC and JIT included),
     * read by the runner from the operating system; 0 when it cannot tell.
     */
    static long cpuNanos(ChildJvm jvm) {
        return ProcessHandle.of(jvm.pid()).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
