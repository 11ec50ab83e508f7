package dev.sockeye.impl.client;

import dev.sockeye.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The browser client of the Iris event protocol, {@code iris-ws.js}: a global {@code Ws} class
 * with the API of the client that Iris served ({@code OnConnect}, {@code On}, {@code Emit},
 * {@code EmitMessage}, ...).
 *
 * <p>The script is the class-path resource {@value #RESOURCE}. In a servlet container the
 * {@code META-INF/resources} folder of a jar is served at the context root, so a web application
 * with {@code sockeye-impl} in {@code WEB-INF/lib} serves {@code /iris-ws.js} as is; that copy
 * speaks the default prefix {@value Config#DEFAULT_MESSAGE_PREFIX}. An endpoint configured with
 * another {@link Config#messagePrefix()} must serve the output of {@link #render(String)} instead.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class IrisClientScript {

    /** The class-path location of the script. */
    public static final String RESOURCE = "META-INF/resources/iris-ws.js";

    /** The one place in the script where the prefix appears: a JavaScript string literal. */
    private static final String PREFIX_LITERAL = "\"" + Config.DEFAULT_MESSAGE_PREFIX + "\"";

    private IrisClientScript() {
    }

    /**
     * Returns the script with its event prefix set to {@code prefix}.
     *
     * @param prefix the endpoint's {@link Config#messagePrefix()}; not {@code null}, not empty,
     *               without {@code ';'}. Any character is allowed otherwise: it is escaped as a
     *               JavaScript string literal.
     * @return the script's source text, read from the class path on each call: cache it
     * @throws NullPointerException if the prefix is {@code null}
     * @throws IllegalArgumentException if the prefix is empty or contains {@code ';'}
     * @throws UncheckedIOException if the resource cannot be read
     * @throws IllegalStateException if the resource is missing or does not hold the prefix literal exactly once
     */
    public static String render(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.indexOf(';') >= 0) {
            throw new IllegalArgumentException("prefix must be non-empty and contain no ';': '" + prefix + "'");
        }
        String template = load();
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

    private static String load() {
        try (InputStream in = IrisClientScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int first = source.indexOf(PREFIX_LITERAL);
            if (first < 0 || source.indexOf(PREFIX_LITERAL, first + 1) >= 0) {
                throw new IllegalStateException(RESOURCE + " must contain " + PREFIX_LITERAL + " exactly once");
            }
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
