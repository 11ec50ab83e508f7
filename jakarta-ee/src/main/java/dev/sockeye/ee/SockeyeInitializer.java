package dev.sockeye.ee;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.Protocol;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@link EventEndpoint} classes of a web application at start-up and deploys them: the
 * whole deployment step of a web application whose {@code WEB-INF/lib} holds the Sockeye jars.
 *
 * <p>Every class is checked first; if any is invalid, start-up fails with one exception that lists
 * the problems of every class, and nothing is deployed. The endpoints are then added to the
 * {@code jakarta.websocket.server.ServerContainer} servlet context attribute. On Tyrus-based
 * containers (GlassFish, Payara) that attribute is sometimes not yet set when this initializer runs,
 * depending on the order of initializers; the endpoints are then deployed by {@link SockeyeDeployer}
 * when the context is initialized.
 *
 * <p>The neffos classes ({@code protocol = Protocol.NEFFOS}) of one path are one neffos endpoint,
 * whose path gets {@link ReconnectProbeFilter} ({@code HEAD} answers 302).
 *
 * <p>It maps {@link HandshakeRefusalFilter} at {@code /*}, so that a refused handshake gets its HTTP
 * status on WildFly too.
 *
 * <p>It also maps {@link ClientScriptServlet}s at {@code /iris-ws.js} and {@code /sockeye.js}, which
 * serve the browser clients rendered for the event prefix of the application's Iris-protocol
 * endpoints (when they name different prefixes, or there is none, the default prefix), unless the
 * context parameter {@value #SCRIPT_PARAMETER} or {@value #SOCKEYE_SCRIPT_PARAMETER} is {@code false}.
 */
@HandlesTypes(EventEndpoint.class)
public final class SockeyeInitializer implements ServletContainerInitializer {

    /** The context parameter that turns off the {@code /iris-ws.js} servlet when {@code false}. */
    public static final String SCRIPT_PARAMETER = "dev.sockeye.irisScript";

    /** The context parameter that turns off the {@code /sockeye.js} servlet when {@code false}. */
    public static final String SOCKEYE_SCRIPT_PARAMETER = "dev.sockeye.sockeyeScript";

    private static final System.Logger LOG = System.getLogger(SockeyeInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        List<SockeyeEndpoint> endpoints = create(endpointClasses(classes));
        for (SockeyeEndpoint endpoint : endpoints) {
            DeployedEndpoints.register(context.getClassLoader(), endpoint);
        }
        SockeyeDeployer deployer = new SockeyeDeployer(endpoints);
        if (!deployer.deployIfReady(context)) {
            LOG.log(System.Logger.Level.DEBUG, "no ServerContainer yet in " + context.getContextPath()
                    + "; deploying when the context is initialized");
        }
        context.addListener(deployer);
        HandshakeRefusalFilter.register(context);
        ReconnectProbeFilter.register(context, endpoints);
        String prefix = prefix(endpoints);
        if (!"false".equals(context.getInitParameter(SCRIPT_PARAMETER))) {
            ClientScriptServlet.register(context, ClientScriptServlet.Script.IRIS_WS, prefix);
        }
        if (!"false".equals(context.getInitParameter(SOCKEYE_SCRIPT_PARAMETER))) {
            ClientScriptServlet.register(context, ClientScriptServlet.Script.SOCKEYE, prefix);
        }
    }

    /** The concrete classes annotated with {@link EventEndpoint}, in a stable order. */
    private static List<Class<?>> endpointClasses(Set<Class<?>> classes) {
        List<Class<?>> found = new ArrayList<>();
        if (classes != null) {
            for (Class<?> type : classes) {
                if (type.isAnnotationPresent(EventEndpoint.class) && !type.isAnnotation()) {
                    found.add(type);
                }
            }
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    /**
     * Creates every endpoint (the neffos classes of one path together), or fails with the problems
     * of all the invalid classes.
     */
    private static List<SockeyeEndpoint> create(List<Class<?>> types) throws ServletException {
        try {
            return Sockeye.endpoints(types.toArray(Class<?>[]::new));
        } catch (DeploymentException | RuntimeException e) {
            ServletException failure = new ServletException("Sockeye: " + e.getMessage(), e);
            LOG.log(System.Logger.Level.ERROR, failure.getMessage());
            throw failure;
        }
    }

    /**
     * The prefix the scripts speak: the one of the Iris-protocol endpoints if they all agree, else
     * the default. neffos endpoints do not count: their frames have no event prefix.
     */
    static String prefix(List<SockeyeEndpoint> endpoints) {
        Set<String> prefixes = new HashSet<>();
        for (SockeyeEndpoint endpoint : endpoints) {
            if (endpoint.protocol() == Protocol.IRIS) {
                prefixes.add(endpoint.config().messagePrefix());
            }
        }
        return prefixes.size() == 1 ? prefixes.iterator().next() : Config.DEFAULT_MESSAGE_PREFIX;
    }
}
