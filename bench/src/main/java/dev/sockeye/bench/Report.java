package dev.sockeye.bench;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one run: the machine, the load average around each scenario, and the rows; written
 * as {@code results.json} and as the Markdown table {@code results.md}.
 *
 * @param scenarios per scenario: its name, the 1-minute load average before and after, its seconds
 */
@JsonbPropertyOrder({"size", "started", "finished", "machine", "scenarios", "rows"})
public record Report(String size, String started, String finished, Map<String, Object> machine,
              List<Map<String, Object>> scenarios, List<Row> rows) {

    void write(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true).withNullValues(true))) {
            Files.writeString(dir.resolve("results.json"), jsonb.toJson(this) + "\n");
        }
        Files.writeString(dir.resolve("results.md"), markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(started).append(" to ").append(finished).append(" (size ").append(size)
                .append("), commit `").append(machine.get("gitCommit")).append('`')
                .append(Boolean.TRUE.equals(machine.get("gitDirty")) ? " with uncommitted changes" : "").append(".\n")
                .append("Machine: ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu"))
                .append("), ").append(machine.get("memory")).append(", ").append(machine.get("os")).append(", ")
                .append(machine.get("jdk")).append("; heaps: ").append(machine.get("heap"))
                .append("; open files per process: ").append(machine.get("openFilesLimit"))
                .append("; load generators' client: ").append(machine.get("loadClient")).append(".\n");
        md.append("Load average (1 min) before → after each scenario: ");
        List<String> loads = new ArrayList<>();
        for (Map<String, Object> s : scenarios) {
            loads.add(s.get("name") + " " + s.get("loadBefore") + " → " + s.get("loadAfter")
                    + " (" + s.get("seconds") + " s)");
        }
        md.append(String.join(", ", loads)).append(".\n\n");
        md.append("| scenario | parameters | metric | Sockeye | raw endpoint | Sockeye / raw | target | met |\n");
        md.append("|---|---|---|---:|---:|---:|---|---|\n");
        String previous = null;
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            boolean first = !row.scenario().equals(previous);
            previous = row.scenario();
            String metric = row.metric() + (row.unit().isEmpty() ? "" : " (" + row.unit() + ")");
            if (row.note() != null) {
                notes.add(row.note());
                metric += " [" + notes.size() + "]";
            }
            md.append("| ").append(first ? row.scenario() : "").append(" | ").append(first ? row.parameters() : "")
                    .append(" | ").append(metric)
                    .append(" | ").append(format(row.sockeye(), row.unit()))
                    .append(" | ").append(format(row.raw(), row.unit()))
                    .append(" | ").append(row.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", row.ratio()))
                    .append(" | ").append(row.target() == null ? "" : row.target())
                    .append(" | ").append(row.met() == null ? "" : row.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            for (int i = 0; i < notes.size(); i++) {
                md.append('[').append(i + 1).append("] ").append(notes.get(i)).append("  \n");
            }
        }
        return md.toString();
    }

    static String format(Double value, String unit) {
        if (value == null) {
            return "–";
        }
        String pattern = switch (unit) {
            case "ms", "ns/op", "B/op" -> Math.abs(value) < 100 ? "%,.1f" : "%,.0f";
            case "%", "×" -> "%.2f";
            default -> "%,.0f";
        };
        return String.format(Locale.ROOT, pattern, value);
    }

    static void writeQuietly(Report report, Path dir) {
        try {
            report.write(dir);
        } catch (Exception e) {
            Bench.log("could not write the results: " + e);
        }
    }

    static String now() {
        return java.time.OffsetDateTime.now().withNano(0).toString();
    }
}
