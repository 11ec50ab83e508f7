package dev.sockeye.impl.client;

import dev.sockeye.Config;

import java.io.UncheckedIOException;

/**
 * The browser client of the Iris event protocol, {@code iris-ws.js}: a global {@code Ws} class
 * with the API of the client that Iris served ({@code OnConnect}, {@code On}, {@code Emit},
 * {@code EmitMessage}, ...).
 *
 * <p>The script is the class-path resource {@value #RESOURCE}. In a servlet container the
 * {@code META-INF/resources} folder of a jar is served at the context root, so a web application
 * with {@code sockeye-impl} in {@code WEB-INF/lib} serves {@code /iris-ws.js} as is; that copy
 * speaks the default prefix {@value Config#DEFAULT_MESSAGE_PREFIX}. An endpoint configured with
 * another {@link Config#messagePrefix()} must serve the output of {@link #render(String)} instead
 * (in a Jakarta EE container, {@code sockeye-jakarta-ee} maps a servlet at {@code /iris-ws.js} that
 * does).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 *
 * @see SockeyeClientScript
 */
public final class IrisClientScript {

    /** The class-path location of the script. */
    public static final String RESOURCE = "META-INF/resources/iris-ws.js";

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
        return ScriptTemplate.render(RESOURCE, prefix);
    }
}
