package dev.sockeye.impl.client;

import dev.sockeye.Config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrisClientScriptTest {

    private static final String DEFAULT_LITERAL = "\"" + Config.DEFAULT_MESSAGE_PREFIX + "\"";

    @Test
    void resourceHoldsTheDefaultPrefixLiteralExactlyOnceInOneVar() throws IOException {
        String source = resource();
        int first = source.indexOf(Config.DEFAULT_MESSAGE_PREFIX);
        assertTrue(first >= 0, "the prefix is missing");
        assertEquals(-1, source.indexOf(Config.DEFAULT_MESSAGE_PREFIX, first + 1), "the prefix appears more than once");
        assertTrue(source.contains("var EVENT_PREFIX = " + DEFAULT_LITERAL + ";"), "the prefix is not a single var");
    }

    @Test
    void renderingTheDefaultPrefixReturnsTheResourceUnchanged() throws IOException {
        assertEquals(resource(), IrisClientScript.render(Config.DEFAULT_MESSAGE_PREFIX));
    }

    @Test
    void renderingAnotherPrefixReplacesTheLiteral() {
        String script = IrisClientScript.render("m:");
        assertTrue(script.contains("var EVENT_PREFIX = \"m:\";"));
        assertFalse(script.contains(Config.DEFAULT_MESSAGE_PREFIX));
    }

    @Test
    void prefixIsEscapedAsAJavaScriptStringSafeInsideHtml() {
        String script = IrisClientScript.render("a\"b\\c</script>\u2028\n:");
        assertTrue(script.contains("var EVENT_PREFIX = \"a\\\"b\\\\c\\u003c/script\\u003e\\u2028\\n:\";"), script);
        assertFalse(script.contains("</script>"));
    }

    @Test
    void nonAsciiPrefixSurvivesAsUtf8Text() {
        assertTrue(IrisClientScript.render("événement:").contains("\"événement:\""));
    }

    @Test
    void invalidPrefixesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> IrisClientScript.render(""));
        assertThrows(IllegalArgumentException.class, () -> IrisClientScript.render("a;b:"));
        assertThrows(NullPointerException.class, () -> IrisClientScript.render(null));
    }

    @Test
    void scriptKeepsTheOriginalClientApi() {
        String script = IrisClientScript.render(Config.DEFAULT_MESSAGE_PREFIX);
        assertTrue(script.contains("global.Ws = Ws;"));
        for (String method : new String[] {"OnConnect", "OnDisconnect", "OnMessage", "On", "Emit", "EmitMessage", "Disconnect"}) {
            assertTrue(script.contains("Ws.prototype." + method + " = function"), method);
        }
    }

    private static String resource() throws IOException {
        try (InputStream in = IrisClientScriptTest.class.getClassLoader().getResourceAsStream(IrisClientScript.RESOURCE)) {
            assertTrue(in != null, "missing " + IrisClientScript.RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
