package dev.sockeye;

import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosController;

/**
 * The wire protocol an {@link EventEndpoint} class speaks ({@link EventEndpoint#protocol()}).
 */
public enum Protocol {

    /**
     * The Iris websocket protocol (Iris v11 and earlier, the {@code iris-ws.js} client): the class's
     * {@link OnConnect}, {@link OnEvent} and other handler methods serve one endpoint. The default.
     */
    IRIS,

    /**
     * The neffos protocol (Iris v12, the {@code neffos.js} client): the class must also carry
     * {@link NeffosController}, whose namespace its methods serve. Every such class with the same
     * path forms one neffos endpoint with one namespace per class (as
     * {@link Namespaces.Builder#controller(Class)} on each of them would), and they must name the
     * same {@link EventEndpoint#config()} (or none).
     */
    NEFFOS
}
