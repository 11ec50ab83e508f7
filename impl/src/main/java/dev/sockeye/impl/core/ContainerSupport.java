package dev.sockeye.impl.core;

import dev.sockeye.Config;

import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;

import java.util.ArrayList;
import java.util.List;

/**
 * What Sockeye can and cannot apply on the container at hand. Settings that the Jakarta API gives
 * no handle on are never silently dropped: deployment logs a warning naming each one.
 */
final class ContainerSupport {

    private static final System.Logger LOG = System.getLogger(ContainerSupport.class.getName());
    private static final String TYRUS_EXTENSION_API = "org.glassfish.tyrus.core.extension.ExtendedExtension";
    private static final String EMBEDDED_TYRUS = "org.glassfish.tyrus.container.grizzly.server.GrizzlyServerContainer";

    private ContainerSupport() {
    }

    /** @return the extensions to offer: bounded permessage-deflate when compression is on and the container is Tyrus-based */
    static List<Extension> extensions(Config config) {
        List<Extension> extensions = new ArrayList<>();
        if (config.enableCompression() && tyrusPresent()) {
            extensions.add(new dev.sockeye.impl.tyrus.BoundedDeflateExtension(config.maxMessageSize()));
        }
        return extensions;
    }

    private static boolean tyrusPresent() {
        try {
            Class.forName(TYRUS_EXTENSION_API, false, ContainerSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Logs a warning for every configured setting this container does not get from Sockeye. */
    static void reportUnapplied(Config config, ServerContainer container, String path) {
        String name = container.getClass().getName();
        List<String> unapplied = new ArrayList<>();
        if (!config.handshakeTimeout().isZero()) {
            unapplied.add("handshakeTimeout=" + config.handshakeTimeout());
        }
        if (config.writeBufferSize() != 0) {
            unapplied.add("writeBufferSize=" + config.writeBufferSize());
        }
        if (config.readBufferSize() != 0 && !name.startsWith(EMBEDDED_TYRUS)) {
            unapplied.add("readBufferSize=" + config.readBufferSize());
        }
        if (config.enableCompression() && !tyrusPresent()) {
            unapplied.add("enableCompression=true");
        }
        if (!unapplied.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "endpoint " + path + ": " + String.join(", ", unapplied)
                    + " cannot be applied by Sockeye on " + name
                    + "; configure them in the container (see the guide's configuration reference)");
        }
    }
}
