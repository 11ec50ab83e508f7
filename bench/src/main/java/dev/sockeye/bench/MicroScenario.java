package dev.sockeye.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The JMH micro-benchmarks of {@link CodecBenchmarks} and {@link FanOutBenchmarks}: one row per Sockeye/raw pair. */
final class MicroScenario implements Scenario {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("encodeText", "encode a text event (IrisCodec.encodeEvent)");
        LABELS.put("encodeJson", "encode a JSON record event (IrisCodec.encodeEvent)");
        LABELS.put("messageFrame", "Message framing: IrisCodec.message + Message.frame");
        LABELS.put("decodeFrame", "split a text frame (IrisCodec.decode)");
        LABELS.put("decodeTextPayload", "PayloadDecoder: String");
        LABELS.put("decodeIntPayload", "PayloadDecoder: int");
        LABELS.put("decodeJsonPayload", "PayloadDecoder: JSON record");
        LABELS.put("dispatchText", "dispatch a text event (decode + Listeners.dispatch)");
        LABELS.put("dispatchJson", "dispatch a JSON record event (decode + Listeners.dispatch)");
        LABELS.put("broadcast", "emit to a room of 1,000: registry, framing, outbound queues (writes complete at once)");
    }

    @Override
    public String name() {
        return "micro";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Sizes s = bench.sizes;
        Options options = new OptionsBuilder()
                .include(CodecBenchmarks.class.getName() + "\\.")
                .include(FanOutBenchmarks.class.getName() + "\\.")
                .forks(s.jmhForks())
                .warmupIterations(s.jmhWarmupIterations())
                .warmupTime(TimeValue.milliseconds(s.jmhIteration().toMillis()))
                .measurementIterations(s.jmhIterations())
                .measurementTime(TimeValue.milliseconds(s.jmhIteration().toMillis()))
                .timeUnit(TimeUnit.NANOSECONDS)
                .jvmArgs("-Xmx1g", "-XX:+UseG1GC")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(s.name().equals("smoke") ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .build();
        Bench.log("micro-benchmarks (JMH)");
        Collection<RunResult> results = new Runner(options).run();
        Samples samples = new Samples();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String[] pair = method.split("_");
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    samples.add(pair[0], pair[1], iteration.getPrimaryResult().getScore());
                    org.openjdk.jmh.results.Result<?> allocated = iteration.getSecondaryResults().get("gc.alloc.rate.norm");
                    if (allocated != null) {
                        samples.add(pair[0] + " allocated", pair[1], allocated.getScore());
                    }
                }
            }
        }
        String params = "JMH average time and allocation (GC profiler), " + s.jmhForks() + " fork(s), " + s.jmhWarmupIterations() + " warm-up and "
                + s.jmhIterations() + " measured iterations of " + EchoScenario.seconds(s.jmhIteration())
                + "; raw = the hand-written code of the raw endpoint";
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> label : LABELS.entrySet()) {
            rows.add(samples.row("micro-benchmark", params, label.getKey(), label.getValue(), "ns/op", false));
            rows.add(samples.row("micro-benchmark", params, label.getKey() + " allocated", "… allocated", "B/op", false));
        }
        return rows;
    }
}
