package dev.sockeye.clients.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Both JavaScript clients in a real browser ({@code browser/*.test.mjs}): Debian's Chromium, driven
 * by playwright-core. Two pages of the chat example talk through iris-ws.js, and closing a page
 * fires the server's disconnect listener; a page imports sockeye.js from the server. A screenshot
 * of the chat is kept at {@code target/artifacts/chat.png}.
 *
 * <p>Chromium is not optional: without it this test fails and says how to install it.
 */
class BrowserClientsTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SOCKEYE_CHROMIUM", "/usr/bin/chromium"));

    @TestFactory
    List<DynamicTest> chromiumRunsTheChatExampleAndSockeyeJs() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is missing at " + CHROMIUM + ": run scripts/setup.sh from the repository root "
                    + "(as root it runs apt-get install -y chromium), or set SOCKEYE_CHROMIUM to a Chromium binary");
        }
        NodeRun.ensureInstalled();
        Path screenshot = NodeRun.ARTIFACTS.resolve("chat.png");
        Files.deleteIfExists(screenshot);
        try (ControlServer control = new ControlServer()) {
            Map<String, String> environment = new HashMap<>(NodeTests.environment(control));
            environment.put("SOCKEYE_CHROMIUM", CHROMIUM.toString());
            NodeRun.Outcome outcome = NodeRun.test(NodeRun.files("browser"), environment, "browser", Duration.ofMinutes(3));
            List<DynamicTest> tests = new ArrayList<>(NodeTests.of(outcome, 3));
            Map<String, List<String>> logs = control.logs();
            tests.add(DynamicTest.dynamicTest("the chat server saw each page connect and disconnect exactly once",
                    () -> assertEveryConnectionDisconnectedOnce(logs)));
            tests.add(DynamicTest.dynamicTest("a screenshot of the chat is kept at target/artifacts/chat.png",
                    () -> assertTrue(Files.size(screenshot) > 1000, "screenshot too small: " + screenshot)));
            return tests;
        }
    }

    private static void assertEveryConnectionDisconnectedOnce(Map<String, List<String>> logs) {
        List<String> chat = logs.entrySet().stream().filter(e -> e.getKey().startsWith("chat-"))
                .flatMap(e -> e.getValue().stream()).toList();
        List<String> connects = chat.stream().filter(line -> line.startsWith("connect ")).toList();
        assertEquals(2, connects.size(), "two pages: " + chat);
        for (String connect : connects) {
            String id = connect.substring("connect ".length());
            assertEquals(1, chat.stream().filter(("disconnect " + id)::equals).count(), "disconnects of " + id + ": " + chat);
            assertTrue(chat.indexOf(connect) < chat.indexOf("disconnect " + id), "connected before disconnected: " + chat);
        }
        assertEquals(4, chat.size(), "nothing but the two connects and their disconnects: " + chat);
    }
}
