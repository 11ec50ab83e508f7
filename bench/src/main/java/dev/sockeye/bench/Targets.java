package dev.sockeye.bench;

import java.util.ArrayList;
import java.util.List;

/** The targets for this machine (2 cores shared by server and load), applied to the full size. */
final class Targets {

    private Targets() {
    }

    static List<Row> judge(List<Row> rows) {
        List<Row> judged = new ArrayList<>();
        for (Row row : rows) {
            judged.add(judge(row));
        }
        return judged;
    }

    private static Row judge(Row r) {
        String scenario = r.scenario();
        String metric = r.metric();
        if (scenario.startsWith("echo") && metric.equals("round trips per second")) {
            return r.withTarget("≥ 0.9 × raw", r.ratio() == null ? null : r.ratio() >= 0.9);
        }
        if (scenario.startsWith("fan-out latency, 10,000") && metric.equals("delivery latency p99")) {
            return r.withTarget("≤ 250 ms and ≤ raw", r.sockeye() == null || r.raw() == null ? null
                    : r.sockeye() <= 250 && r.sockeye() <= r.raw());
        }
        if (scenario.startsWith("fan-out throughput") && metric.equals("delivered frames per second")) {
            return r.withTarget("≥ 1.0 × raw", r.ratio() == null ? null : r.ratio() >= 1.0);
        }
        if (scenario.startsWith("memory") && metric.equals("Sockeye − raw per connection")) {
            return r.withTarget("≤ 2,048 bytes", r.sockeye() == null ? null : r.sockeye() <= 2048);
        }
        if (scenario.equals("scale, one node") && metric.equals("connections held")) {
            return r.withTarget("≥ 19,000", r.sockeye() == null ? null : r.sockeye() >= 19_000);
        }
        if (scenario.startsWith("scale, 3 clustered") && metric.equals("connections held")) {
            return r.withTarget("≥ 51,000", r.sockeye() == null ? null : r.sockeye() >= 51_000);
        }
        if (scenario.startsWith("scale") && metric.startsWith("broadcast delivered")) {
            return r.withTarget("100 %", r.sockeye() == null ? null : r.sockeye() >= 100);
        }
        return r;
    }
}
