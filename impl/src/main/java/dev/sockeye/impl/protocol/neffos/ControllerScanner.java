package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.neffos.Events;
import dev.sockeye.Handshake;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.NamespaceHook;
import dev.sockeye.neffos.NeffosConnection;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.neffos.NeffosMessage;
import dev.sockeye.OnEvent;
import dev.sockeye.PayloadType;
import dev.sockeye.impl.annotated.HandlerScan;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans a {@link NeffosController} class once: checks the class and its {@link OnEvent} and
 * {@link NamespaceHook} methods and turns each valid method into a prepared invoker (a method
 * handle spread over an argument array, and one resolver per parameter). Problems are collected so
 * that one deployment error lists them all.
 *
 * <p>The checks it shares with the Iris annotated-endpoint scanner are {@link HandlerScan}'s; what is
 * its own is what a neffos method may take and return, and invokers bound to namespace calls.
 */
final class ControllerScanner {

    private static final MethodType SHAPE = MethodType.methodType(Object.class, Object.class, Object[].class);
    private static final String CONTEXT = "NamespaceConnection, NeffosConnection, Connection, Handshake, "
            + "ConnectionRegistry, NeffosMessage";

    /** How one parameter gets its value from a call. */
    @FunctionalInterface
    private interface Argument {
        Object resolve(NamespaceConnection connection, NeffosMessage message);
    }

    /**
     * One scanned controller: its namespace and its methods as handlers and hooks that take the
     * instance from the namespace connection's controller slot.
     */
    record Controller(Class<?> type, String namespace, Map<String, Events.Handler> events,
                      Map<NamespaceHook.Kind, Events.Hook> hooks) {
    }

    private final Class<?> type;
    private final int slot;
    private final List<String> problems;

    private ControllerScanner(Class<?> type, int slot, List<String> problems) {
        this.type = type;
        this.slot = slot;
        this.problems = problems;
    }

    /**
     * @param slot     the index of the controller's instance in each namespace connection
     * @param problems receives one line per problem; the result is only usable when none was added
     */
    static Controller scan(Class<?> type, int slot, List<String> problems) {
        return new ControllerScanner(type, slot, problems).scan();
    }

    private Controller scan() {
        NeffosController annotation = type.getAnnotation(NeffosController.class);
        checkClass(annotation);
        Map<String, Events.Handler> events = new LinkedHashMap<>();
        Map<NamespaceHook.Kind, Events.Hook> hooks = new EnumMap<>(NamespaceHook.Kind.class);
        for (Method method : HandlerScan.annotatedMethods(type, List.of(OnEvent.class, NamespaceHook.class))) {
            OnEvent event = method.getAnnotation(OnEvent.class);
            NamespaceHook hook = method.getAnnotation(NamespaceHook.class);
            if (event != null && hook != null) {
                problem(method, "has both @OnEvent and @NamespaceHook; a method handles one thing");
                continue;
            }
            if (event != null) {
                if (event.value().isEmpty() || event.value().startsWith("_On")) {
                    problem(method, "@OnEvent(\"" + event.value() + "\") is not a custom event name; accepted: a "
                            + "non-empty name not starting with '_On' (use @NamespaceHook for system events)");
                    continue;
                }
                Invoker invoker = prepare(method, true);
                if (invoker != null && events.putIfAbsent(event.value(), invoker::event) != null) {
                    problem(method, "is a second @OnEvent(\"" + event.value() + "\") method; accepted: one per event");
                }
            } else {
                Invoker invoker = prepare(method, false);
                if (invoker != null && hooks.putIfAbsent(hook.value(), invoker::hook) != null) {
                    problem(method, "is a second @NamespaceHook(" + hook.value() + ") method; accepted: one per hook");
                }
            }
        }
        return new Controller(type, annotation == null ? null : annotation.value(), events, hooks);
    }

    private void checkClass(NeffosController annotation) {
        if (annotation == null) {
            problems.add(type.getName() + " is not annotated with @NeffosController");
        } else if (annotation.value().indexOf('/') >= 0) {
            problems.add(type.getSimpleName() + ": @NeffosController(\"" + annotation.value()
                    + "\"): a namespace name must not contain '/'");
        }
        HandlerScan.checkClass(type, type.getSimpleName(), problems);
    }

    /** @return the invoker, or {@code null} after recording the method's problems */
    private Invoker prepare(Method method, boolean event) {
        int before = problems.size();
        HandlerScan.checkPublicInstance(method, problems);
        if (!event && method.getReturnType() != void.class) {
            problem(method, "returns " + method.getReturnType().getSimpleName() + "; a @NamespaceHook method returns void");
        }
        Parameter[] parameters = method.getParameters();
        Type[] generic = method.getGenericParameterTypes();
        Argument[] arguments = new Argument[parameters.length];
        boolean payload = false;
        for (int i = 0; i < parameters.length; i++) {
            Class<?> raw = parameters[i].getType();
            Argument contextual = contextual(raw);
            if (contextual != null) {
                arguments[i] = contextual;
            } else if (HandlerScan.containerTypeProblem(raw) != null) {
                parameterProblem(method, i, HandlerScan.containerTypeProblem(raw));
            } else if (!event) {
                parameterProblem(method, i, "is not accepted; a @NamespaceHook method accepts " + CONTEXT);
            } else if (payload) {
                parameterProblem(method, i, "is a second payload parameter; accepted: " + CONTEXT
                        + ", and at most one payload parameter");
            } else if (HandlerScan.containsTypeVariable(generic.length == parameters.length ? generic[i] : raw)) {
                parameterProblem(method, i, "has a type variable, which cannot be decoded");
            } else {
                payload = true;
                PayloadType<Object> type = PayloadType.ofType(generic.length == parameters.length ? generic[i] : raw);
                arguments[i] = (connection, message) -> message.decode(type);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        MethodHandle handle = HandlerScan.handle(method, problems);
        return handle == null ? null
                : new Invoker(handle.asSpreader(Object[].class, parameters.length).asType(SHAPE), arguments, slot);
    }

    private static Argument contextual(Class<?> raw) {
        if (raw == NamespaceConnection.class) {
            return (connection, message) -> connection;
        }
        if (raw == NeffosConnection.class || raw == Connection.class) {
            return (connection, message) -> connection.connection();
        }
        if (raw == Handshake.class) {
            return (connection, message) -> connection.connection().handshake();
        }
        if (raw == ConnectionRegistry.class) {
            return (connection, message) -> connection.connection().registry();
        }
        if (raw == NeffosMessage.class) {
            return (connection, message) -> message;
        }
        return null;
    }

    private void problem(Method method, String text) {
        problems.add(HandlerScan.describe(method) + " " + text);
    }

    private void parameterProblem(Method method, int index, String text) {
        problems.add(HandlerScan.describe(method, index) + " " + text);
    }

    /** A prepared controller method; immutable, shared by every connection. */
    private record Invoker(MethodHandle handle, Argument[] arguments, int slot) {

        Object event(NamespaceConnection connection, NeffosMessage message) throws Exception {
            return invoke(connection, message);
        }

        void hook(NamespaceConnection connection, NeffosMessage message) throws Exception {
            invoke(connection, message);
        }

        private Object invoke(NamespaceConnection connection, NeffosMessage message) throws Exception {
            Object[] values = new Object[arguments.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments[i].resolve(connection, message);
            }
            Object target = ((NamespaceState) connection).controller(slot);
            try {
                return (Object) handle.invokeExact(target, values);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable other) {
                throw new IllegalStateException(other);
            }
        }
    }
}
