package dev.sockeye.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deliveries of timestamped emits, merged over the load generators: the latency of every
 * delivery, and per emit how many clients got it and how long the last one waited.
 */
final class Deliveries {

    final Histogram latencies = new Histogram(3);
    /** seq → {delivered, slowest µs} */
    final Map<Integer, long[]> perEmit = new TreeMap<>();
    /** The server's {@code OK fanout} reply, when the emits came from a {@code fanout} command. */
    String emitterReply;

    /** Collects and merges the {@code report} of every load generator. */
    static Deliveries collect(List<ChildJvm> loads) throws IOException, InterruptedException {
        Deliveries merged = new Deliveries();
        for (ChildJvm load : loads) {
            String reply = load.call("report", Duration.ofSeconds(60));
            merged.latencies.add(LoadGenerator.decode(ChildJvm.field(reply, "hist")));
            String seqs = ChildJvm.field(reply, "seqs");
            if (seqs.equals("-")) {
                continue;
            }
            for (String entry : seqs.split(";")) {
                String[] f = entry.split(",");
                long[] m = merged.perEmit.computeIfAbsent(Integer.parseInt(f[0]), k -> new long[2]);
                m[0] += Long.parseLong(f[1]);
                m[1] = Math.max(m[1], Long.parseLong(f[2]));
            }
        }
        return merged;
    }

    /** Resets the counters of every load generator. */
    static void reset(List<ChildJvm> loads) throws IOException, InterruptedException {
        for (ChildJvm load : loads) {
            load.call("reset", Duration.ofSeconds(30));
        }
    }

    double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencies.getMaxValue() / 1000.0;
    }

    /** @return the median over emits of the time until the last client had it, in ms */
    double medianLastMillis() {
        return Row.median(perEmit.values().stream().map(m -> m[1] / 1000.0).toList());
    }

    /** @return the worst emit's time until the last client had it, in ms */
    double worstLastMillis() {
        return perEmit.values().stream().mapToLong(m -> m[1]).max().orElse(0) / 1000.0;
    }

    /** @return delivered frames over {@code emits × recipients}, in percent */
    double deliveredPercent(int emits, long recipients) {
        long delivered = perEmit.values().stream().mapToLong(m -> m[0]).sum();
        return 100.0 * delivered / ((double) emits * recipients);
    }
}
