package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.NamespaceHook;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.impl.annotated.AnnotatedEndpoint;
import dev.sockeye.impl.annotated.Instances;
import dev.sockeye.spi.EndpointInstances;

import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled events of one namespace: its {@link Events} and its controllers' methods merged, an
 * event handled once, hooks of a kind run in order (the {@code Events} hook first, then each
 * controller's). Immutable.
 *
 * @param controllers the instance factories of the namespace's controllers, by slot
 */
record NamespaceModel(String name,
                      Map<String, Events.Handler> handlers,
                      Map<NamespaceHook.Kind, List<Events.Hook>> hooks,
                      Events.Handler nativeMessage,
                      Events.Handler anyEvent,
                      List<EndpointInstances.Factory<?>> controllers) {

    /** @return the hooks of that kind, in order; empty when none */
    List<Events.Hook> hooks(NamespaceHook.Kind kind) {
        return hooks.getOrDefault(kind, List.of());
    }

    /**
     * Compiles every namespace of a definition, scanning its controllers.
     *
     * @throws DeploymentException listing every problem of every controller
     */
    static Map<String, NamespaceModel> compile(Namespaces namespaces) throws DeploymentException {
        List<String> problems = new ArrayList<>();
        Map<String, Builder> builders = new LinkedHashMap<>();
        namespaces.events().forEach((name, events) -> {
            builders.computeIfAbsent(name, Builder::new).add(events);
            if (!name.isEmpty() && events.nativeMessage().isPresent()) {
                problems.add("namespace '" + name + "' has a native message handler; only namespace \"\" receives "
                        + "native messages (neffos's OnNativeMessage)");
            }
        });
        for (Class<?> type : namespaces.controllers()) {
            int before = problems.size();
            dev.sockeye.neffos.NeffosController annotation = type.getAnnotation(dev.sockeye.neffos.NeffosController.class);
            Builder builder = annotation == null ? null : builders.computeIfAbsent(annotation.value(), Builder::new);
            ControllerScanner.Controller controller = ControllerScanner.scan(type,
                    builder == null ? 0 : builder.controllers.size(), problems);
            EndpointInstances.Factory<?> factory = Instances.factory(type, problems);
            if (problems.size() == before && builder != null) {
                builder.add(controller, factory, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw AnnotatedEndpoint.failure("the neffos namespaces", problems);
        }
        Map<String, NamespaceModel> models = new LinkedHashMap<>();
        builders.forEach((name, builder) -> models.put(name, builder.build()));
        return Map.copyOf(models);
    }

    private static final class Builder {
        private final String name;
        private final Map<String, Events.Handler> handlers = new LinkedHashMap<>();
        private final Map<NamespaceHook.Kind, List<Events.Hook>> hooks = new EnumMap<>(NamespaceHook.Kind.class);
        private final List<EndpointInstances.Factory<?>> controllers = new ArrayList<>();
        private Events.Handler nativeMessage;
        private Events.Handler anyEvent;

        Builder(String name) {
            this.name = name;
        }

        void add(Events events) {
            handlers.putAll(events.handlers());
            for (NamespaceHook.Kind kind : NamespaceHook.Kind.values()) {
                events.hook(kind).ifPresent(hook -> hooks.computeIfAbsent(kind, k -> new ArrayList<>()).add(hook));
            }
            nativeMessage = events.nativeMessage().orElse(null);
            anyEvent = events.anyEvent().orElse(null);
        }

        void add(ControllerScanner.Controller controller, EndpointInstances.Factory<?> factory, List<String> problems) {
            controller.events().forEach((event, handler) -> {
                if (handlers.putIfAbsent(event, handler) != null) {
                    problems.add(controller.type().getSimpleName() + ": event '" + event + "' of namespace '" + name
                            + "' already has a handler");
                }
            });
            controller.hooks().forEach((kind, hook) -> hooks.computeIfAbsent(kind, k -> new ArrayList<>()).add(hook));
            controllers.add(factory);
        }

        NamespaceModel build() {
            Map<NamespaceHook.Kind, List<Events.Hook>> frozen = new EnumMap<>(NamespaceHook.Kind.class);
            hooks.forEach((kind, list) -> frozen.put(kind, List.copyOf(list)));
            return new NamespaceModel(name, Map.copyOf(handlers), frozen, nativeMessage, anyEvent, List.copyOf(controllers));
        }
    }
}
