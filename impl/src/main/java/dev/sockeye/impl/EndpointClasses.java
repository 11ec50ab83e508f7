package dev.sockeye.impl;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.Protocol;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.impl.annotated.AnnotatedEndpoint;
import dev.sockeye.impl.annotated.Instances;

import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a set of {@link EventEndpoint} classes into endpoints: one per {@link Protocol#IRIS} class,
 * one neffos endpoint per path of the {@link Protocol#NEFFOS} classes (their namespaces together).
 * Every class is checked before anything is deployed, and all problems fail together: two Iris
 * classes on one path (which the container would refuse only when the first one is already
 * deployed) as well.
 */
final class EndpointClasses {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]+}");

    private EndpointClasses() {
    }

    /**
     * @throws DeploymentException {@code <n> of <m> endpoint classes cannot be deployed; nothing was
     *         deployed}, then the failure of each class or neffos path, each naming its classes
     */
    static List<SockeyeEndpoint> create(List<Class<?>> classes) throws DeploymentException {
        List<SockeyeEndpoint> endpoints = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<Class<?>> failed = new LinkedHashSet<>();
        Map<String, List<Class<?>>> neffosPaths = new LinkedHashMap<>();
        Map<String, List<Class<?>>> irisPaths = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            EventEndpoint annotation = type.getAnnotation(EventEndpoint.class);
            if (annotation != null && annotation.protocol() == Protocol.NEFFOS) {
                neffosPaths.computeIfAbsent(annotation.value(), path -> new ArrayList<>()).add(type);
                continue;
            }
            if (annotation != null) {
                irisPaths.computeIfAbsent(shape(annotation.value()), path -> new ArrayList<>()).add(type);
            }
            try {
                endpoints.add(iris(type));
            } catch (DeploymentException | RuntimeException e) {
                failures.add(e.getMessage());
                failed.add(type);
            }
        }
        for (List<Class<?>> types : irisPaths.values()) {
            if (types.size() > 1) {
                failures.add("cannot deploy the Iris-protocol endpoints " + names(types) + ": they have the same path "
                        + paths(types) + "; accepted: one Iris-protocol @EventEndpoint class per path (neffos classes, "
                        + "protocol = Protocol.NEFFOS, share a path as namespaces)");
                failed.addAll(types);
            }
        }
        for (Map.Entry<String, List<Class<?>>> path : neffosPaths.entrySet()) {
            List<Class<?>> types = path.getValue();
            List<Class<?>> iris = irisPaths.getOrDefault(shape(path.getKey()), List.of());
            try {
                if (!iris.isEmpty()) {
                    throw new DeploymentException("cannot deploy the neffos endpoint " + path.getKey() + " of "
                            + names(types) + ": the Iris-protocol endpoint " + names(iris) + " has the same path");
                }
                endpoints.add(neffos(path.getKey(), types));
            } catch (DeploymentException | RuntimeException e) {
                failures.add(e.getMessage());
                failed.addAll(types);
                failed.addAll(iris);
            }
        }
        if (!failures.isEmpty()) {
            endpoints.forEach(SockeyeEndpoint::close);
            throw new DeploymentException(failed.size() + " of " + classes.size() + " endpoint classes cannot be "
                    + "deployed; nothing was deployed\n" + String.join("\n", failures));
        }
        return List.copyOf(endpoints);
    }

    /**
     * The path with its template variables unnamed: {@code /chat/{room}} and {@code /chat/{name}}
     * are the same path to a WebSocket container, which would refuse the second one.
     */
    private static String shape(String path) {
        return TEMPLATE_VARIABLE.matcher(path).replaceAll("{}");
    }

    private static String paths(List<Class<?>> types) {
        return types.stream().map(type -> type.getAnnotation(EventEndpoint.class).value()).distinct()
                .collect(Collectors.joining(" and "));
    }

    /** The endpoint of one class: an Iris endpoint, or a neffos endpoint with the class's one namespace. */
    static SockeyeEndpoint one(Class<?> type) throws DeploymentException {
        EventEndpoint annotation = type.getAnnotation(EventEndpoint.class);
        if (annotation != null && annotation.protocol() == Protocol.NEFFOS) {
            return neffos(annotation.value(), List.of(type));
        }
        return iris(type);
    }

    private static SockeyeEndpoint iris(Class<?> type) throws DeploymentException {
        if (type.isAnnotationPresent(NeffosController.class)) {
            throw new DeploymentException("cannot deploy the Sockeye endpoint " + type.getName() + ": it is a "
                    + "@NeffosController on an Iris-protocol @EventEndpoint; accepted: @EventEndpoint(value = ..., "
                    + "protocol = Protocol.NEFFOS)");
        }
        AnnotatedEndpoint annotated = AnnotatedEndpoint.prepare(type);
        return DefaultEndpointProvider.iris(annotated.path(), annotated.config(), annotated.listener());
    }

    /** One neffos endpoint for the classes of one path: one config among them, a namespace each. */
    private static SockeyeEndpoint neffos(String path, List<Class<?>> types) throws DeploymentException {
        List<String> problems = new ArrayList<>();
        Map<Class<?>, List<Class<?>>> byConfig = new LinkedHashMap<>();
        for (Class<?> type : types) {
            byConfig.computeIfAbsent(type.getAnnotation(EventEndpoint.class).config(), c -> new ArrayList<>()).add(type);
            if (!type.isAnnotationPresent(NeffosController.class)) {
                problems.add(type.getSimpleName() + " has protocol NEFFOS but no @NeffosController; accepted: "
                        + "@NeffosController(\"namespace\") next to @EventEndpoint");
            }
        }
        if (byConfig.size() > 1) {
            problems.add("its classes name different configs, " + byConfig.entrySet().stream()
                    .map(e -> e.getKey().getSimpleName() + " by " + names(e.getValue()))
                    .collect(Collectors.joining(", ")) + "; accepted: the same config class (or none) on every "
                    + "class of a path, which is one endpoint");
        }
        Config config = problems.isEmpty() ? Instances.config(configOf(types.get(0)), problems) : null;
        if (!problems.isEmpty()) {
            throw AnnotatedEndpoint.failure("the neffos endpoint " + path + " of " + names(types), problems);
        }
        Namespaces.Builder namespaces = Namespaces.builder();
        types.forEach(namespaces::controller);
        try {
            return DefaultEndpointProvider.neffos(path, config, namespaces.build(), null);
        } catch (DeploymentException | IllegalArgumentException e) {
            throw new DeploymentException("cannot deploy the neffos endpoint " + path + " of " + names(types) + ": "
                    + e.getMessage(), e);
        }
    }

    private static Class<? extends Supplier<Config>> configOf(Class<?> type) {
        return type.getAnnotation(EventEndpoint.class).config();
    }

    private static String names(List<Class<?>> types) {
        return types.stream().map(Class::getName).collect(Collectors.joining(", "));
    }
}
