package dev.sockeye.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fan-out throughput: N connections in one room; the server emits small events to the room as fast
 * as it takes them, with at most a window of emits in flight (an emit is in flight until every
 * recipient's write ended). Frames delivered to the clients per second. Sockeye runs with its
 * default outbound limits (1 MiB per connection, close on overflow); connections closed by them are
 * reported.
 */
final class FanOutThroughputScenario implements Scenario {

    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Sizes s = bench.sizes;
        int n = s.throughputConnections();
        Samples samples = new Samples();
        for (int fork = 0; fork < s.forks(); fork++) {
            for (String mode : Bench.modes(fork)) {
                Bench.log("fan-out throughput: fork " + fork + ", " + mode);
                try (Bench.Fleet fleet = bench.fleet("throughput", mode, "1g", bench.processesFor(n), "1g")) {
                    measure(s, fleet, mode, samples);
                }
            }
        }
        String scenario = "fan-out throughput, " + String.format("%,d", n) + " in one room";
        String params = "at most " + s.throughputWindow() + " emits in flight, " + s.forks() + " × " + s.runs()
                + " runs of " + EchoScenario.seconds(s.throughputRun()) + " after "
                + EchoScenario.seconds(s.throughputWarmup()) + " warm-up; Sockeye's outbound limits on";
        List<Row> rows = new ArrayList<>();
        rows.add(samples.row(scenario, params, "rate", "delivered frames per second", "msg/s", true));
        rows.add(samples.row(scenario, params, "closed", "connections closed by outbound limits", "", false));
        return rows;
    }

    private static void measure(Sizes s, Bench.Fleet fleet, String mode, Samples samples) throws Exception {
        int n = s.throughputConnections();
        List<ChildJvm> loads = fleet.loads();
        Bench.connect(loads, fleet.server().uri("room=fan"), n);
        long held = Bench.awaitConnections(fleet.server(), n);
        long pumpMillis = s.throughputWarmup().toMillis() + s.runs() * s.throughputRun().toMillis() + 500;
        fleet.server().jvm().send("pump fan " + pumpMillis + " " + s.throughputWindow());
        Thread.sleep(s.throughputWarmup().toMillis());
        long[] before = marks(loads);
        for (int run = 0; run < s.runs(); run++) {
            Thread.sleep(s.throughputRun().toMillis());
            long[] after = marks(loads);
            double rate = 0;
            for (int i = 0; i < loads.size(); i++) {
                rate += (after[2 * i] - before[2 * i]) / ((after[2 * i + 1] - before[2 * i + 1]) / 1e9);
            }
            samples.add("rate", mode, rate);
            Bench.log(String.format("  run %d: %.0f delivered frames/s", run, rate));
            before = after;
        }
        String pump = fleet.server().jvm().await("OK pump", Duration.ofSeconds(120));
        samples.add("closed", mode, held - ChildJvm.longField(pump, "connections"));
    }

    /** @return per load generator its received count and the time it was read */
    private static long[] marks(List<ChildJvm> loads) throws Exception {
        long[] marks = new long[2 * loads.size()];
        for (int i = 0; i < loads.size(); i++) {
            String reply = loads.get(i).call("received", Duration.ofSeconds(30));
            marks[2 * i] = ChildJvm.longField(reply, "n");
            marks[2 * i + 1] = ChildJvm.longField(reply, "ns");
        }
        return marks;
    }
}
