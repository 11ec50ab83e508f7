package dev.sockeye.tck.it;

import java.net.URI;
import java.net.URL;

/**
 * Addresses of a deployment, always on the loopback address: some containers announce the
 * machine's network address (Payara Micro does), and the tests must never send traffic anywhere
 * but 127.0.0.1.
 */
public final class Urls {

    private Urls() {
    }

    /** @return {@code ws://127.0.0.1:<port><context path><path>} */
    public static URI ws(URL base, String path) {
        return URI.create("ws://127.0.0.1:" + base.getPort() + join(base.getPath(), path));
    }

    /** @return {@code http://127.0.0.1:<port><context path><path>} */
    public static URI http(URL base, String path) {
        return URI.create("http://127.0.0.1:" + base.getPort() + join(base.getPath(), path));
    }

    private static String join(String context, String path) {
        String c = context.endsWith("/") ? context.substring(0, context.length() - 1) : context;
        return c + (path.startsWith("/") ? path : "/" + path);
    }
}
