package dev.sockeye.impl.client;

import dev.sockeye.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A client script on the class path whose event prefix is the string literal of the default
 * prefix, exactly once; rendering replaces that literal with another prefix.
 */
final class ScriptTemplate {

    /** The one place in a script where the prefix appears: a JavaScript string literal. */
    static final String PREFIX_LITERAL = "\"" + Config.DEFAULT_MESSAGE_PREFIX + "\"";

    private ScriptTemplate() {
    }

    /**
     * @param resource the class-path location of the script
     * @param prefix   the prefix to render; not {@code null}, not empty, without {@code ';'}
     * @return the script's source with {@code prefix} as a JavaScript string literal
     */
    static String render(String resource, String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.indexOf(';') >= 0) {
            throw new IllegalArgumentException("prefix must be non-empty and contain no ';': '" + prefix + "'");
        }
        String template = load(resource);
        int at = template.indexOf(PREFIX_LITERAL);
        return template.substring(0, at) + javaScriptString(prefix) + template.substring(at + PREFIX_LITERAL.length());
    }

    /** Quotes text as a JavaScript string literal that is also safe inside an HTML {@code <script>} element. */
    static String javaScriptString(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    // control characters, line separators (end a line in older engines) and
                    // '<', '>', '&' (could end an inline script) travel as Unicode escapes
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '<' || c == '>' || c == '&') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String load(String resource) {
        try (InputStream in = ScriptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int first = source.indexOf(PREFIX_LITERAL);
            if (first < 0 || source.indexOf(PREFIX_LITERAL, first + 1) >= 0) {
                throw new IllegalStateException(resource + " must contain " + PREFIX_LITERAL + " exactly once");
            }
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
