package dev.sockeye.clients.tests;

import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Turns a Node run into JUnit dynamic tests: one per Node test, plus the run's exit code. */
final class NodeTests {

    private NodeTests() {
    }

    static Map<String, String> environment(ControlServer control) {
        return Map.of(
                "SOCKEYE_CONTROL_URL", control.uri().toString(),
                "SOCKEYE_ARTIFACTS", NodeRun.ARTIFACTS.toString(),
                "NO_COLOR", "1");
    }

    static List<DynamicTest> of(NodeRun.Outcome outcome, int atLeast) {
        List<DynamicTest> tests = new ArrayList<>();
        for (NodeRun.TapTest test : outcome.tests()) {
            tests.add(DynamicTest.dynamicTest(test.name(), () -> assertTrue(test.ok(), test.name() + "\n" + test.detail())));
        }
        tests.add(DynamicTest.dynamicTest("node ran at least " + atLeast + " tests", () ->
                assertTrue(outcome.tests().size() >= atLeast, "only " + outcome.tests().size() + " tests reported")));
        tests.add(DynamicTest.dynamicTest("node --test exits with 0", () ->
                assertEquals(0, outcome.exitCode(), "node --test failed: see the [node] lines of the build log")));
        return tests;
    }
}
