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
                + seconds(s.echoRun()) + " after " + seconds(s.echoWarmup()) + " warm-up";
        List<Row> rows = new ArrayList<>();
        for (String kind : KINDS) {
            String scenario = "echo, " + (kind.equals("text") ? "text event" : "JSON record event");
            rows.add(samples.row(scenario, params, kind + " rate", "round trips per second", "msg/s", true));
            rows.add(samples.row(scenario, params, kind + " p50", "round trip p50", "µs", false));
            rows.add(samples.row(scenario, params, kind + " p99", "round trip p99", "µs", false));
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
            Thread.sleep(s.echoWarmup().toMillis());
            load.call("echo snapshot", Duration.ofSeconds(30));
            for (int run = 0; run < s.runs(); run++) {
                Thread.sleep(s.echoRun().toMillis());
                String reply = load.call("echo snapshot", Duration.ofSeconds(30));
                double rate = ChildJvm.longField(reply, "count") / (ChildJvm.longField(reply, "ns") / 1e9);
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

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
