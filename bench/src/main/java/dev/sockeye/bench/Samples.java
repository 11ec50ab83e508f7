package dev.sockeye.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of each metric per mode, one per measured run, in the order they were taken. */
final class Samples {

    private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();

    void add(String metric, String mode, double value) {
        values.computeIfAbsent(metric, m -> new LinkedHashMap<>()).computeIfAbsent(mode, m -> new ArrayList<>()).add(value);
    }

    List<Double> of(String metric, String mode) {
        return values.getOrDefault(metric, Map.of()).getOrDefault(mode, List.of());
    }

    Row row(String scenario, String parameters, String metric, String unit, boolean higherIsBetter) {
        return row(scenario, parameters, metric, metric, unit, higherIsBetter);
    }

    /** @param key the metric's name in these samples; {@code label} its name in the table */
    Row row(String scenario, String parameters, String key, String label, String unit, boolean higherIsBetter) {
        return row("sockeye", scenario, parameters, key, label, unit, higherIsBetter);
    }

    /** As {@link #row(String, String, String, String, String, boolean)}, with {@code mode}'s samples in the Sockeye column. */
    Row row(String mode, String scenario, String parameters, String key, String label, String unit,
            boolean higherIsBetter) {
        return Row.of(scenario, parameters, label, unit, higherIsBetter, of(key, mode), of(key, "raw"));
    }
}
