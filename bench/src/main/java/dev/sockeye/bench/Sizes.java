package dev.sockeye.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big a run is. {@link #full()} is the scenarios; {@link #smoke()} runs every scenario
 * with tiny numbers so that CI proves the harness works (it asserts nothing about speed).
 *
 * @param forks                    fresh server and load JVMs per mode for echo, fan-out and throughput;
 *                                 the modes alternate fork by fork so that background load hits both
 * @param runs                     measured runs per fork after the warm-up; the table shows the median
 *                                 of forks × runs values
 * @param echoConnections          connections of the echo scenario, each in a closed loop
 * @param echoWarmup               echo warm-up per event kind
 * @param echoRun                  length of one measured echo run
 * @param fanOutConnections        the room sizes of the fan-out latency scenario, measured in this order
 *                                 in one server (connections are added between sizes)
 * @param fanOutPeriodMillis       one emit to the room every this many milliseconds
 * @param fanOutWarmupEmits        emits before the measured runs, per size
 * @param fanOutEmits              emits per measured run
 * @param throughputConnections    the room size of the fan-out throughput scenario
 * @param throughputWindow         emits in flight at most (an emit is in flight until every recipient's write ended)
 * @param throughputWarmup         pump time before the measured runs
 * @param throughputRun            length of one measured throughput run
 * @param memoryConnections        idle connections whose retained heap is measured
 * @param memoryForks              fresh JVMs per mode for the memory scenario
 * @param settle                   how long the memory scenario lets a server settle before a heap measurement
 * @param scaleConnections         idle connections one node is asked to hold
 * @param clusterNodes             nodes of the clustered scale scenario
 * @param clusterConnectionsPerNode idle connections per clustered node
 * @param connectionsPerLoadProcess at most this many connections per load generator JVM (the
 *                                 open-file limit is 20,000 per process)
 * @param scaleBroadcasts          broadcasts to every connection in the scale scenarios
 * @param jmhForks                 JMH forks (0 runs in this JVM)
 * @param jmhWarmupIterations      JMH warm-up iterations
 * @param jmhIterations            JMH measured iterations
 * @param jmhIteration             JMH iteration time
 */
record Sizes(String name,
             int forks,
             int runs,
             int echoConnections,
             Duration echoWarmup,
             Duration echoRun,
             List<Integer> fanOutConnections,
             long fanOutPeriodMillis,
             int fanOutWarmupEmits,
             int fanOutEmits,
             int throughputConnections,
             int throughputWindow,
             Duration throughputWarmup,
             Duration throughputRun,
             int memoryConnections,
             int memoryForks,
             Duration settle,
             int scaleConnections,
             int clusterNodes,
             int clusterConnectionsPerNode,
             int connectionsPerLoadProcess,
             int scaleBroadcasts,
             int jmhForks,
             int jmhWarmupIterations,
             int jmhIterations,
             Duration jmhIteration) {

    static Sizes full() {
        return new Sizes("full", 2, 3,
                100, Duration.ofSeconds(15), Duration.ofSeconds(5),
                List.of(1_000, 10_000), 100, 30, 50,
                1_000, 16, Duration.ofSeconds(15), Duration.ofSeconds(5),
                10_000, 2, Duration.ofSeconds(2),
                19_500, 3, 17_000, 9_750, 3,
                1, 5, 5, Duration.ofSeconds(1));
    }

    static Sizes smoke() {
        return new Sizes("smoke", 1, 1,
                4, Duration.ofMillis(300), Duration.ofMillis(500),
                List.of(10, 20), 50, 2, 3,
                10, 4, Duration.ofMillis(300), Duration.ofMillis(500),
                50, 1, Duration.ofMillis(200),
                40, 3, 10, 25, 1,
                0, 0, 1, Duration.ofMillis(100));
    }

    static Sizes named(String name) {
        return switch (name) {
            case "full" -> full();
            case "smoke" -> smoke();
            default -> throw new IllegalArgumentException("--size must be full or smoke: " + name);
        };
    }
}
