package dev.sockeye.bench;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * One line of the results: a metric of a scenario, Sockeye's figure, the raw endpoint's, their
 * ratio, and the target. Figures are medians of {@code sockeyeRuns} / {@code rawRuns}; a figure is
 * {@code null} when it was not measured (the raw endpoint has no cluster) or failed ({@code note}).
 *
 * @param higherIsBetter whether a larger figure is better (throughput) or worse (latency, memory)
 * @param met            whether the target is met; {@code null} when the row has no target or a figure is missing
 */
@JsonbPropertyOrder({"scenario", "parameters", "metric", "unit", "sockeye", "raw", "ratio", "higherIsBetter", "target",
        "met", "note", "sockeyeRuns", "rawRuns"})
public record Row(String scenario,
                  String parameters,
                  String metric,
                  String unit,
                  Double sockeye,
                  Double raw,
                  Double ratio,
                  boolean higherIsBetter,
                  String target,
                  Boolean met,
                  String note,
                  List<Double> sockeyeRuns,
                  List<Double> rawRuns) {

    static Row of(String scenario, String parameters, String metric, String unit, boolean higherIsBetter,
                  List<Double> sockeyeRuns, List<Double> rawRuns) {
        Double sockeye = median(sockeyeRuns);
        Double raw = median(rawRuns);
        Double ratio = sockeye != null && raw != null && raw != 0 ? sockeye / raw : null;
        return new Row(scenario, parameters, metric, unit, sockeye, raw, ratio, higherIsBetter, null, null, null,
                List.copyOf(sockeyeRuns), List.copyOf(rawRuns));
    }

    static Row failed(String scenario, String parameters, String note) {
        return new Row(scenario, parameters, "(not measured)", "", null, null, null, true, null, null, note,
                List.of(), List.of());
    }

    Row withTarget(String target, Boolean met) {
        return new Row(scenario, parameters, metric, unit, sockeye, raw, ratio, higherIsBetter, target, met, note,
                sockeyeRuns, rawRuns);
    }

    Row withNote(String note) {
        return new Row(scenario, parameters, metric, unit, sockeye, raw, ratio, higherIsBetter, target, met, note,
                sockeyeRuns, rawRuns);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
