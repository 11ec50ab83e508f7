package dev.sockeye.impl.client;

import dev.sockeye.Config;

import java.io.UncheckedIOException;

/**
 * The modern browser client of the Iris event protocol, {@code sockeye.js}: an ES module with
 * {@code connect(url, options)}, payloads decoded to values, reconnect with backoff and buffered
 * emits (see the guide's clients page). Its source of truth is the package folder
 * {@code clients/sockeye-js} of the repository; the build copies it into this jar.
 *
 * <p>The script is the class-path resource {@value #RESOURCE}, served at {@code /sockeye.js} by a
 * servlet container from {@code WEB-INF/lib}, with the default prefix
 * {@value Config#DEFAULT_MESSAGE_PREFIX}. An endpoint configured with another
 * {@link Config#messagePrefix()} serves the output of {@link #render(String)} instead (in a
 * Jakarta EE container, {@code sockeye-jakarta-ee} maps a servlet at {@code /sockeye.js} that does),
 * or its pages pass the prefix as the {@code prefix} option.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 *
 * @see IrisClientScript
 */
public final class SockeyeClientScript {

    /** The class-path location of the script. */
    public static final String RESOURCE = "META-INF/resources/sockeye.js";

    private SockeyeClientScript() {
    }

    /**
     * Returns the module with its default event prefix set to {@code prefix}.
     *
     * @param prefix the endpoint's {@link Config#messagePrefix()}; not {@code null}, not empty,
     *               without {@code ';'}; escaped as a JavaScript string literal
     * @return the module's source text, read from the class path on each call: cache it
     * @throws NullPointerException if the prefix is {@code null}
     * @throws IllegalArgumentException if the prefix is empty or contains {@code ';'}
     * @throws UncheckedIOException if the resource cannot be read
     * @throws IllegalStateException if the resource is missing or does not hold the prefix literal exactly once
     */
    public static String render(String prefix) {
        return ScriptTemplate.render(RESOURCE, prefix);
    }
}
