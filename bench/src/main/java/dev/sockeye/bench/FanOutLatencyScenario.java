package dev.sockeye.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fan-out latency: N connections in one room; the server emits one event to the room every period,
 * carrying the time of the emit; each client records now minus that time. Per-delivery
 * p50/p95/p99/max, and per emit the time until the last client has it. The room sizes are measured
 * in one server, connections being added between sizes. Sockeye runs twice, with its default
 * configuration and without pings, since the raw endpoint has no heartbeat.
 */
final class FanOutLatencyScenario implements Scenario {

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Sizes s = bench.sizes;
        List<Integer> sizes = s.fanOutConnections();
        int largest = sizes.get(sizes.size() - 1);
        Samples samples = new Samples();
        List<String> notes = new ArrayList<>();
        for (int fork = 0; fork < s.forks(); fork++) {
            for (String mode : modes(fork)) {
                try (Bench.Fleet fleet = bench.fleet("fanout", mode, "1g", bench.processesFor(largest), "1g")) {
                    int connected = 0;
                    for (int size : sizes) {
                        Bench.log("fan-out latency: fork " + fork + ", " + mode + ", " + size + " connections");
                        Bench.Connected c = Bench.connect(fleet.loads(), fleet.server().uri("room=fan"), size - connected);
                        connected = size;
                        long held = Bench.awaitConnections(fleet.server(), size);
                        if (c.failed() > 0 || c.retries() > 0 || held < size) {
                            notes.add(mode + " " + size + ": " + held + " held, " + c.failed() + " failed, "
                                    + c.retries() + " handshake retries");
                        }
                        measure(s, fleet, mode, size + " ", held, samples);
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        String params = "one emit every " + s.fanOutPeriodMillis() + " ms, " + s.forks() + " × " + s.runs()
                + " runs of " + s.fanOutEmits() + " emits after " + s.fanOutWarmupEmits() + " warm-up emits";
        for (int size : sizes) {
            String scenario = "fan-out latency, " + String.format("%,d", size) + " in one room";
            String key = size + " ";
            rows.add(samples.row(scenario, params, key + "p50", "delivery latency p50", "ms", false));
            rows.add(samples.row(scenario, params, key + "p95", "delivery latency p95", "ms", false));
            rows.add(samples.row(scenario, params, key + "p99", "delivery latency p99", "ms", false));
            rows.add(samples.row(scenario, params, key + "max", "delivery latency max", "ms", false));
            rows.add(samples.row(scenario, params, key + "last", "last client has it (median emit)", "ms", false));
            rows.add(samples.row(scenario, params, key + "worst last", "last client has it (worst emit)", "ms", false));
            rows.add(samples.row(scenario, params, key + "delivered", "delivered", "%", true));
            rows.add(samples.row(scenario, params, key + "call", "time the emit call takes (sends run on the emitting thread)",
                    "ms", false));
            rows.add(samples.row(scenario, params, key + "interval", "interval achieved between emits", "ms", false));
            String withoutPings = scenario + ", Sockeye without pings";
            String m = Bench.SOCKEYE_WITHOUT_PINGS;
            rows.add(samples.row(m, withoutPings, params, key + "p50", "delivery latency p50", "ms", false));
            rows.add(samples.row(m, withoutPings, params, key + "p99", "delivery latency p99", "ms", false));
            rows.add(samples.row(m, withoutPings, params, key + "max", "delivery latency max", "ms", false));
            rows.add(samples.row(m, withoutPings, params, key + "last", "last client has it (median emit)", "ms", false));
            rows.add(samples.row(m, withoutPings, params, key + "delivered", "delivered", "%", true));
        }
        if (!notes.isEmpty()) {
            rows.set(0, rows.get(0).withNote(String.join("; ", notes)));
        }
        return rows;
    }

    /**
     * Sockeye, the raw endpoint and Sockeye with its heartbeat off ({@code pingPeriod} zero: the raw
     * endpoint pings nobody), in an order that alternates fork by fork.
     */
    static List<String> modes(int fork) {
        List<String> modes = new ArrayList<>(Bench.modes(fork));
        modes.add(fork % 2 == 0 ? modes.size() : 0, Bench.SOCKEYE_WITHOUT_PINGS);
        return modes;
    }

    /** A warm-up, then the measured runs, at the current room size. */
    private static void measure(Sizes s, Bench.Fleet fleet, String mode, String key, long held, Samples samples)
            throws Exception {
        emit(fleet, s, s.fanOutWarmupEmits(), held);
        for (int run = 0; run < s.runs(); run++) {
            Deliveries d = emit(fleet, s, s.fanOutEmits(), held);
            samples.add(key + "p50", mode, d.percentileMillis(50));
            samples.add(key + "p95", mode, d.percentileMillis(95));
            samples.add(key + "p99", mode, d.percentileMillis(99));
            samples.add(key + "max", mode, d.maxMillis());
            samples.add(key + "last", mode, d.medianLastMillis());
            samples.add(key + "worst last", mode, d.worstLastMillis());
            samples.add(key + "delivered", mode, d.deliveredPercent(s.fanOutEmits(), held));
            double interval = Double.parseDouble(ChildJvm.field(d.emitterReply, "intervalMs"));
            double call = Double.parseDouble(ChildJvm.field(d.emitterReply, "callMs"));
            samples.add(key + "interval", mode, interval);
            samples.add(key + "call", mode, call);
            Bench.log(String.format("  run %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms, last client %.1f ms,"
                    + " delivered %.2f %%, emit call %.1f ms, interval %.1f ms", run, d.percentileMillis(50),
                    d.percentileMillis(99), d.maxMillis(), d.medianLastMillis(),
                    d.deliveredPercent(s.fanOutEmits(), held), call, interval));
        }
    }

    /** Runs {@code emits} emits to the room and waits until they are delivered (or stop arriving). */
    private static Deliveries emit(Bench.Fleet fleet, Sizes s, int emits, long recipients) throws Exception {
        Deliveries.reset(fleet.loads());
        String reply = fleet.server().jvm().call("fanout fan " + s.fanOutPeriodMillis() + " " + emits,
                Duration.ofMillis(emits * s.fanOutPeriodMillis()).plusSeconds(300));
        Bench.awaitReceived(fleet.loads(), (long) emits * recipients);
        Deliveries deliveries = Deliveries.collect(fleet.loads());
        deliveries.emitterReply = reply;
        return deliveries;
    }
}
