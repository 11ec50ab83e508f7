package dev.sockeye.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory: the heap retained per idle connection. The server gets a few warm-up connections, its
 * heap is measured after full collections, then N more connections arrive and it is measured again:
 * (after − before) / N. Sockeye minus raw is what the layer costs per connection.
 */
final class MemoryScenario implements Scenario {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Sizes s = bench.sizes;
        int n = s.memoryConnections();
        int warmUp = Math.min(100, n / 5);
        Samples samples = new Samples();
        List<String> notes = new ArrayList<>();
        for (int fork = 0; fork < s.memoryForks(); fork++) {
            for (String mode : Bench.modes(fork)) {
                Bench.log("memory: fork " + fork + ", " + mode);
                try (Bench.Fleet fleet = bench.fleet("memory", mode, "2g", bench.processesFor(n + warmUp), "1g")) {
                    Bench.Server server = fleet.server();
                    Bench.connect(fleet.loads(), server.uri(null), warmUp);
                    Bench.awaitConnections(server, warmUp);
                    Thread.sleep(s.settle().toMillis());
                    long before = ChildJvm.longField(server.jvm().call("heap", Duration.ofSeconds(60)), "used");
                    Bench.connect(fleet.loads(), server.uri(null), n);
                    long held = Bench.awaitConnections(server, n + warmUp) - warmUp;
                    Thread.sleep(s.settle().toMillis());
                    long after = ChildJvm.longField(server.jvm().call("heap", Duration.ofSeconds(60)), "used");
                    if (held < n) {
                        notes.add(mode + ": " + held + " of " + n + " held");
                    }
                    samples.add("per connection", mode, (after - before) / (double) held);
                    Bench.log(String.format("  %,d connections: %,.0f bytes each", held, (after - before) / (double) held));
                }
            }
        }
        String scenario = "memory, " + String.format("%,d", n) + " idle connections";
        String params = "heap after full GC, (with N − without) / N, " + s.memoryForks() + " forks";
        List<Row> rows = new ArrayList<>();
        Row perConnection = samples.row(scenario, params, "per connection", "retained heap per connection", "bytes", false);
        rows.add(notes.isEmpty() ? perConnection : perConnection.withNote(String.join("; ", notes)));
        if (perConnection.sockeye() != null && perConnection.raw() != null) {
            double difference = perConnection.sockeye() - perConnection.raw();
            rows.add(new Row(scenario, params, "Sockeye − raw per connection", "bytes", difference, null, null, false,
                    null, null, null, List.of(difference), List.of()));
        }
        return rows;
    }
}
