package dev.sockeye;

import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosController;

import dev.sockeye.spi.EndpointProvider;

import jakarta.websocket.DeploymentException;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The entry point: creates endpoints.
 * <pre>{@code
 * SockeyeEndpoint chat = Sockeye.endpoint("/chat", Config.defaults(), connection -> {
 *     connection.join("room1");
 *     connection.on("chat", String.class, message ->
 *         connection.to(Target.room("room1")).emit("chat", "From: " + connection.id() + ": " + message));
 *     connection.onDisconnect(() -> System.out.println(connection.id() + " disconnected"));
 * });
 * chat.deploy(serverContainer);
 * }</pre>
 */
public final class Sockeye {

    private Sockeye() {
    }

    /**
     * Creates an endpoint. Nothing is deployed yet: pass the result's
     * {@link SockeyeEndpoint#serverEndpointConfig()} to the container.
     *
     * @param path     the endpoint path, starting with {@code /}; may contain
     *                 {@code {name}} template variables
     * @param config   the configuration; see {@link Config#defaults()}
     * @param listener receives every new connection
     * @throws IllegalStateException if no implementation ({@code sockeye-impl}) is on the class path
     */
    public static SockeyeEndpoint endpoint(String path, Config config, ConnectionListener listener) {
        return provider().create(path, config, listener);
    }

    /**
     * Creates the endpoint of an {@link EventEndpoint} class: its path and configuration come from
     * the annotation, its handlers from the annotated methods. The class is checked once, here.
     * Nothing is deployed yet: pass the result's {@link SockeyeEndpoint#serverEndpointConfig()} to
     * the container. (In a web application with the {@code sockeye-jakarta-ee} jar, annotated
     * classes are found and deployed at start-up without this call.)
     *
     * <p>For a {@link Protocol#NEFFOS} class the result is a neffos endpoint with the class's one
     * namespace; to serve several namespaces at one path use {@link #endpoints(Class[])}.
     *
     * @param endpointClass a public, concrete class annotated with {@link EventEndpoint}
     * @throws DeploymentException listing every invalid method of the class together, each with its
     *         parameter and what would have been accepted
     * @throws IllegalStateException if no implementation ({@code sockeye-impl}) is on the class path
     */
    public static SockeyeEndpoint endpoint(Class<?> endpointClass) throws DeploymentException {
        return provider().create(endpointClass);
    }

    /**
     * Creates the endpoints of several {@link EventEndpoint} classes, what {@code sockeye-jakarta-ee}
     * does at start-up: each {@link Protocol#IRIS} class is one endpoint; the {@link Protocol#NEFFOS}
     * classes of one path (each also a {@link NeffosController}) are one neffos endpoint with a
     * namespace per class, in the order of the path's first class. Every class is checked, here.
     * Nothing is deployed yet: pass each result's {@link SockeyeEndpoint#serverEndpointConfig()} to
     * the container.
     *
     * @param endpointClasses public, concrete classes annotated with {@link EventEndpoint}
     * @return the endpoints, one per Iris class and one per neffos path
     * @throws DeploymentException if any class is invalid, listing the problems of every class
     *         together; also when neffos classes of one path name different configs, or an Iris
     *         endpoint and a neffos one claim the same path. No endpoint is created then.
     * @throws IllegalStateException if no implementation ({@code sockeye-impl}) is on the class path
     */
    public static List<SockeyeEndpoint> endpoints(Class<?>... endpointClasses) throws DeploymentException {
        return provider().create(List.of(endpointClasses));
    }

    /**
     * Creates an endpoint that speaks the neffos protocol, for the {@code neffos.js} client and Iris
     * v12 front ends (neffos's {@code neffos.New(upgrader, namespaces)}). It has its own registry,
     * which joins the cluster that {@link Config#cluster()} names, as an Iris endpoint's does.
     * Nothing is deployed yet: pass the result's {@link SockeyeEndpoint#serverEndpointConfig()} to
     * the container.
     *
     * @param path       the endpoint path, starting with {@code /}
     * @param config     the configuration; {@link Config#messagePrefix()} is not used by neffos
     * @param namespaces the namespaces clients may connect to
     * @throws DeploymentException listing together every invalid method of the
     *         {@link NeffosController} classes, events handled twice in a namespace, and native
     *         message handlers outside namespace {@code ""}
     * @throws IllegalStateException if no implementation ({@code sockeye-impl}) is on the class path
     */
    public static SockeyeEndpoint neffosEndpoint(String path, Config config, Namespaces namespaces)
            throws DeploymentException {
        return provider().createNeffos(path, config, namespaces, null);
    }

    /**
     * Creates a neffos endpoint that shares the registry, and so the rooms, of another endpoint,
     * typically an Iris-protocol one during a migration: an emit to a room reaches the members of
     * both, each in its own protocol. It uses the other endpoint's configuration. Deploy both.
     *
     * @param rooms      the endpoint whose registry is shared; created by this implementation
     * @param path       this endpoint's path, starting with {@code /}, different from the other's
     * @param namespaces the namespaces clients may connect to
     * @throws DeploymentException as {@link #neffosEndpoint(String, Config, Namespaces)}
     * @throws IllegalArgumentException if {@code rooms} was not created by this implementation
     */
    public static SockeyeEndpoint neffosEndpointSharing(SockeyeEndpoint rooms, String path, Namespaces namespaces)
            throws DeploymentException {
        return provider().createNeffos(path, rooms.config(), namespaces, rooms);
    }

    private static EndpointProvider provider() {
        for (ClassLoader loader : new ClassLoader[] {Sockeye.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            for (EndpointProvider provider : ServiceLoader.load(EndpointProvider.class, loader)) {
                return provider;
            }
        }
        throw new IllegalStateException("no Sockeye implementation found: add dev.sockeye:sockeye-impl to the class path");
    }
}
