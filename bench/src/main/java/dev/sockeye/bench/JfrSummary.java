package dev.sockeye.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a recorded server spent its CPU and its allocations: reads a Flight Recorder file (made
 * with {@code scripts/bench.sh --jfr}) and prints the hottest methods by own samples and by samples
 * anywhere on the stack, and the allocation sites by sampled weight.
 * <pre>
 * java -cp "bench/target/classes:bench/target/lib/*" dev.sockeye.bench.JfrSummary FILE.jfr [TOP]
 * </pre>
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        Map<String, Long> allocatedTypes = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (type.equals("jdk.ExecutionSample") && stack != null && !stack.getFrames().isEmpty()) {
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    if (seen.add(name(frame))) {
                        inclusive.merge(name(frame), 1L, Long::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample") && stack != null && !stack.getFrames().isEmpty()) {
                long weight = event.getLong("weight");
                allocated += weight;
                String objectClass = event.getClass("objectClass").getName();
                allocatedTypes.merge(objectClass, weight, Long::sum);
                allocations.merge(objectClass + " ← " + site(stack.getFrames()), weight, Long::sum);
            }
        }
        System.out.printf("%s: %,d execution samples, %,d MB allocated (sampled weight)%n", args[0], samples,
                allocated >> 20);
        print("hottest methods, own samples", self, samples, top);
        print("hottest methods, anywhere on the stack", inclusive, samples, top);
        print("allocated types", allocatedTypes, allocated, top);
        print("allocation sites (type ← first frames)", allocations, allocated, top);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The first three frames, enough to tell who allocated. */
    private static String site(List<RecordedFrame> frames) {
        StringBuilder site = new StringBuilder();
        for (int i = 0; i < Math.min(3, frames.size()); i++) {
            site.append(i == 0 ? "" : " ← ").append(shortName(frames.get(i)));
        }
        return site.toString();
    }

    private static String shortName(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println();
        System.out.println("## " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.2f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
