package dev.sockeye.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every scenario in the smoke size, with real server and load generator JVMs, so that the
 * harness cannot rot. It asserts only that each scenario produced its figures (both modes where
 * both exist) and that the report files were written; never how fast anything is.
 */
class SmokeSizeProducesEveryFigureTest {

    @Test
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyScenarioProducesFiguresForSockeyeAndTheRawEndpoint(@TempDir Path out) throws Exception {
        Report report = BenchRunner.run(new Bench(Sizes.smoke(), out, false, "sockeye"), null, Path.of("."));

        List<Row> rows = report.rows();
        List<Row> failed = rows.stream().filter(r -> r.note() != null && r.sockeye() == null).toList();
        assertTrue(failed.isEmpty(), () -> "scenarios failed: " + failed);
        Set<String> produced = rows.stream().map(Row::scenario).map(s -> s.split(",")[0]).collect(Collectors.toSet());
        assertEquals(Set.of("echo", "fan-out latency", "fan-out throughput", "memory", "scale", "micro-benchmark"),
                produced);
        for (Row row : rows) {
            assertNotNull(row.sockeye(), () -> "no Sockeye figure: " + row);
            boolean sockeyeOnly = row.scenario().contains("clustered") || row.metric().startsWith("Sockeye − raw");
            if (!sockeyeOnly) {
                assertNotNull(row.raw(), () -> "no raw figure: " + row);
            }
        }
        assertTrue(rows.stream().anyMatch(r -> r.scenario().contains("clustered")), "no clustered scale row");
        assertTrue(rows.stream().anyMatch(r -> r.scenario().endsWith("Sockeye without pings")), "no fan-out row without pings");
        assertTrue(Files.readString(out.resolve("results.md")).contains("| scenario |"));
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"gitCommit\""));
    }
}
