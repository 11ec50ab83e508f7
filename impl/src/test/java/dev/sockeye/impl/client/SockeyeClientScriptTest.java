package dev.sockeye.impl.client;

import dev.sockeye.Config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar's sockeye.js is the package folder's file, and its prefix can be rendered. */
class SockeyeClientScriptTest {

    private static final Path PACKAGE_FILE = Path.of("..", "clients", "sockeye-js", "sockeye.js");

    @Test
    void theJarResourceIsThePackageFoldersFile() throws IOException {
        assertEquals(Files.readString(PACKAGE_FILE, StandardCharsets.UTF_8), resource());
    }

    @Test
    void theDefaultPrefixIsOneConstantAndRendersUnchanged() throws IOException {
        String source = resource();
        int first = source.indexOf(Config.DEFAULT_MESSAGE_PREFIX);
        assertEquals(-1, source.indexOf(Config.DEFAULT_MESSAGE_PREFIX, first + 1), "the prefix appears more than once");
        assertTrue(source.contains("const DEFAULT_PREFIX = \"" + Config.DEFAULT_MESSAGE_PREFIX + "\";"));
        assertEquals(source, SockeyeClientScript.render(Config.DEFAULT_MESSAGE_PREFIX));
    }

    @Test
    void anotherPrefixIsRenderedAsAnEscapedLiteral() {
        String script = SockeyeClientScript.render("app</script>:");
        assertTrue(script.contains("const DEFAULT_PREFIX = \"app\\u003c/script\\u003e:\";"), script);
        assertFalse(script.contains(Config.DEFAULT_MESSAGE_PREFIX));
        assertThrows(IllegalArgumentException.class, () -> SockeyeClientScript.render("a;b"));
    }

    @Test
    void theModuleExportsItsApi() throws IOException {
        String source = resource();
        for (String export : new String[] {"export function connect(", "export class SockeyeClient", "export class SockeyeError",
                "export const DEFAULTS", "export function backoffDelay("}) {
            assertTrue(source.contains(export), export);
        }
    }

    private static String resource() throws IOException {
        try (InputStream in = getClassLoader().getResourceAsStream(SockeyeClientScript.RESOURCE)) {
            assertNotNull(in, "missing " + SockeyeClientScript.RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ClassLoader getClassLoader() {
        return SockeyeClientScriptTest.class.getClassLoader();
    }
}
