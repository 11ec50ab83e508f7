package dev.sockeye.clients.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.List;

/**
 * The Node tests of both JavaScript clients ({@code node/*.test.mjs}: iris-ws.js as served, the
 * sockeye.js package, its TypeScript declarations) against real servers that this JVM starts,
 * stops and restarts on their request through the {@link ControlServer}.
 */
class NodeClientsTest {

    @TestFactory
    List<DynamicTest> nodeTestsOfIrisWsAndSockeyeJs() throws Exception {
        NodeRun.ensureInstalled();
        try (ControlServer control = new ControlServer()) {
            NodeRun.Outcome outcome = NodeRun.test(NodeRun.files("node"), NodeTests.environment(control), "node",
                    Duration.ofMinutes(3));
            return NodeTests.of(outcome, 20);
        }
    }
}
