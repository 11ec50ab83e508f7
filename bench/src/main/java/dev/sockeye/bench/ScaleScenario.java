package dev.sockeye.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scale, one node: N idle connections to one server (the load split over several generator JVMs,
 * as one process may open only 20,000 files), then broadcasts to every connection. How many the
 * server holds, whether each broadcast reached all of them, and how long the last one waited.
 */
final class ScaleScenario implements Scenario {

    /** Open files of one server JVM besides its sockets (class path, epoll, pipes), kept as headroom. */
    static final int SERVER_FILES_HEADROOM = 300;

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Sizes s = bench.sizes;
        int n = s.scaleConnections();
        Samples samples = new Samples();
        List<String> notes = new ArrayList<>();
        for (String mode : Bench.MODES) {
            Bench.log("scale: " + mode + ", " + n + " connections");
            try (Bench.Fleet fleet = bench.fleet("scale", mode, "2g", bench.processesFor(n), "2g")) {
                Bench.Connected c = Bench.connect(fleet.loads(), fleet.server().uri(null), n);
                long held = Bench.awaitConnections(fleet.server(), n);
                String count = fleet.server().count();
                notes.add(mode + ": connected in " + c.millis() / 1000 + " s, " + c.failed() + " failed, "
                        + c.retries() + " handshake retries, server fds " + ChildJvm.field(count, "fds"));
                Bench.log("  held " + held + "; " + notes.get(notes.size() - 1));
                samples.add("held", mode, held);
                record(samples, mode, broadcasts(fleet.server().jvm(), fleet.loads(), held, s.scaleBroadcasts()), held,
                        s.scaleBroadcasts());
            }
        }
        String scenario = "scale, one node";
        String params = String.format("%,d", n) + " idle connections asked, " + bench.processesFor(n)
                + " load JVMs, " + s.scaleBroadcasts() + " broadcasts to all";
        List<Row> rows = rows(samples, scenario, params);
        rows.set(0, rows.get(0).withNote(String.join("; ", notes)));
        return rows;
    }

    static List<Row> rows(Samples samples, String scenario, String params) {
        List<Row> rows = new ArrayList<>();
        rows.add(samples.row(scenario, params, "held", "connections held", "", true));
        rows.add(samples.row(scenario, params, "delivered", "broadcast delivered (worst broadcast)", "%", true));
        rows.add(samples.row(scenario, params, "last", "last client has it (median broadcast)", "ms", false));
        rows.add(samples.row(scenario, params, "p50", "delivery latency p50", "ms", false));
        rows.add(samples.row(scenario, params, "p99", "delivery latency p99", "ms", false));
        return rows;
    }

    static void record(Samples samples, String mode, Deliveries d, long held, int broadcasts) {
        double worst = 100;
        for (int seq = 0; seq < broadcasts; seq++) {
            long[] m = d.perEmit.get(seq);
            worst = Math.min(worst, m == null ? 0 : 100.0 * m[0] / held);
        }
        samples.add("delivered", mode, worst);
        samples.add("last", mode, d.medianLastMillis());
        samples.add("p50", mode, d.percentileMillis(50));
        samples.add("p99", mode, d.percentileMillis(99));
    }

    /** Sends {@code count} broadcasts from {@code emitter}, one after the other has arrived everywhere. */
    static Deliveries broadcasts(ChildJvm emitter, List<ChildJvm> loads, long recipients, int count)
            throws IOException, InterruptedException {
        Deliveries.reset(loads);
        for (int seq = 0; seq < count; seq++) {
            emitter.call("broadcast " + seq, Duration.ofSeconds(180));
            Bench.awaitReceived(loads, recipients * (seq + 1));
            Thread.sleep(500);
        }
        return Deliveries.collect(loads);
    }
}
