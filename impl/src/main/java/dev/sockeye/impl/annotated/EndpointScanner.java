package dev.sockeye.impl.annotated;

import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;

import jakarta.websocket.server.PathParam;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans an {@link EventEndpoint} class once: checks the class and every annotated method, and turns
 * the valid methods into {@link HandlerMethod}s. Problems are collected, never thrown one at a
 * time, so that one deployment error lists them all.
 */
final class EndpointScanner {

    private static final List<Class<? extends Annotation>> HANDLER_ANNOTATIONS =
            Arrays.stream(HandlerKind.values()).<Class<? extends Annotation>>map(HandlerKind::annotation).toList();
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final Class<?> type;
    private final List<String> problems;
    private final Set<String> pathVariables = new HashSet<>();

    private EndpointScanner(Class<?> type, List<String> problems) {
        this.type = type;
        this.problems = problems;
    }

    /**
     * @param problems receives one line per problem; the model is only usable when none was added
     * @return the model; its parts that had problems are missing
     */
    static EndpointModel scan(Class<?> type, List<String> problems) {
        return new EndpointScanner(type, problems).scan();
    }

    private EndpointModel scan() {
        EventEndpoint endpoint = type.getAnnotation(EventEndpoint.class);
        String path = endpoint == null ? null : endpoint.value();
        checkClass(endpoint);
        if (path != null) {
            Matcher variables = TEMPLATE_VARIABLE.matcher(path);
            while (variables.find()) {
                pathVariables.add(variables.group(1));
            }
        }
        Map<HandlerKind, HandlerMethod> lifecycle = new EnumMap<>(HandlerKind.class);
        Map<HandlerKind, Method> firstOfKind = new EnumMap<>(HandlerKind.class);
        Map<String, HandlerMethod> events = new LinkedHashMap<>();
        Map<String, Method> firstOfEvent = new LinkedHashMap<>();
        for (Method method : HandlerScan.annotatedMethods(type, HANDLER_ANNOTATIONS)) {
            List<HandlerKind> kinds = Arrays.stream(HandlerKind.values())
                    .filter(kind -> method.isAnnotationPresent(kind.annotation())).toList();
            if (kinds.size() > 1) {
                problem(method, "has " + kinds.stream().map(HandlerKind::label).toList()
                        + "; a method handles one thing: use one of these annotations");
                continue;
            }
            HandlerKind kind = kinds.get(0);
            if (kind == HandlerKind.EVENT) {
                String event = method.getAnnotation(OnEvent.class).value();
                if (event.isEmpty() || event.indexOf(';') >= 0) {
                    problem(method, "@OnEvent(\"" + event + "\") is not an event name; accepted: a non-empty name without ';'");
                    continue;
                }
                Method first = firstOfEvent.putIfAbsent(event, method);
                if (first != null) {
                    problem(method, "is a second @OnEvent(\"" + event + "\") method after "
                            + HandlerScan.describe(first) + "; accepted: one method per event");
                    continue;
                }
                HandlerMethod handler = prepare(method, kind);
                if (handler != null) {
                    events.put(event, handler);
                }
            } else {
                Method first = firstOfKind.putIfAbsent(kind, method);
                if (first != null) {
                    problem(method, "is a second " + kind.label() + " method after "
                            + HandlerScan.describe(first) + "; accepted: one per class");
                    continue;
                }
                HandlerMethod handler = prepare(method, kind);
                if (handler != null) {
                    lifecycle.put(kind, handler);
                }
            }
        }
        return new EndpointModel(type, path, endpoint == null ? null : endpoint.config(),
                lifecycle.get(HandlerKind.CONNECT), events, lifecycle.get(HandlerKind.NATIVE_MESSAGE),
                lifecycle.get(HandlerKind.LEAVE), lifecycle.get(HandlerKind.DISCONNECT), lifecycle.get(HandlerKind.ERROR));
    }

    private void checkClass(EventEndpoint endpoint) {
        if (endpoint == null) {
            problems.add("the class is not annotated with @EventEndpoint");
        } else if (!endpoint.value().startsWith("/")) {
            problems.add("@EventEndpoint(\"" + endpoint.value() + "\"): the path must start with '/'");
        }
        HandlerScan.checkClass(type, "the class", problems);
    }

    /** @return the prepared method, or {@code null} after recording its problems */
    private HandlerMethod prepare(Method method, HandlerKind kind) {
        int before = problems.size();
        HandlerScan.checkPublicInstance(method, problems);
        checkReturnType(method, kind);
        Parameter[] parameters = method.getParameters();
        Type[] genericTypes = method.getGenericParameterTypes();
        Argument[] arguments = new Argument[parameters.length];
        Type valueType = null;
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Type generic = genericTypes.length == parameters.length ? genericTypes[i] : parameter.getParameterizedType();
            PathParam pathParam = parameter.getAnnotation(PathParam.class);
            Argument contextual = Argument.contextual(parameter.getType());
            if (pathParam != null) {
                arguments[i] = pathParameter(method, i, parameter, pathParam.value(), kind);
            } else if (contextual != null) {
                arguments[i] = contextual;
            } else if (HandlerScan.containerTypeProblem(parameter.getType()) != null) {
                parameterProblem(method, i, HandlerScan.containerTypeProblem(parameter.getType()), null);
            } else if (valueType != null) {
                parameterProblem(method, i, "is a second value parameter after one of type "
                        + HandlerScan.simpleName(valueType), kind);
            } else {
                arguments[i] = valueArgument(method, i, parameter, generic, kind);
                if (arguments[i] != null) {
                    valueType = generic;
                }
            }
        }
        if (kind == HandlerKind.ERROR && valueType == null) {
            problem(method, "has no Throwable parameter; " + kind.accepted());
        }
        if (problems.size() > before) {
            return null;
        }
        MethodHandle handle = HandlerScan.handle(method, problems);
        return handle == null ? null : new HandlerMethod(method, handle, arguments, valueType);
    }

    private Argument pathParameter(Method method, int index, Parameter parameter, String name, HandlerKind kind) {
        if (parameter.getType() != String.class) {
            parameterProblem(method, index, "is a @PathParam of another type than String", kind);
            return null;
        }
        if (!pathVariables.contains(name)) {
            parameterProblem(method, index, "names @PathParam(\"" + name + "\") but the path has no {"
                    + name + "}; accepted names: " + pathVariables.stream().sorted().toList(), null);
            return null;
        }
        return Argument.pathParameter(name);
    }

    private Argument valueArgument(Method method, int index, Parameter parameter, Type generic, HandlerKind kind) {
        Class<?> raw = parameter.getType();
        switch (kind) {
            case EVENT -> {
                if (HandlerScan.containsTypeVariable(generic)) {
                    parameterProblem(method, index, "has a type variable, which cannot be decoded", kind);
                    return null;
                }
                return Argument.VALUE;
            }
            case NATIVE_MESSAGE -> {
                if (raw == byte[].class) {
                    return Argument.VALUE;
                }
                if (raw == String.class) {
                    return Argument.NATIVE_TEXT;
                }
                if (raw == ByteBuffer.class) {
                    return Argument.NATIVE_BUFFER;
                }
            }
            case LEAVE -> {
                if (raw == String.class) {
                    return Argument.VALUE;
                }
            }
            case ERROR -> {
                if (Throwable.class.isAssignableFrom(raw)) {
                    return Argument.VALUE;
                }
            }
            default -> {
                // connect and disconnect have no value
            }
        }
        parameterProblem(method, index, "is not accepted", kind);
        return null;
    }

    private void checkReturnType(Method method, HandlerKind kind) {
        Class<?> returned = method.getReturnType();
        boolean accepted = switch (kind) {
            case EVENT -> true;
            case NATIVE_MESSAGE -> returned == void.class || returned == String.class || returned == byte[].class;
            default -> returned == void.class;
        };
        if (!accepted) {
            problem(method, "returns " + HandlerScan.simpleName(method.getGenericReturnType()) + "; "
                    + kind.label() + " may return " + kind.returns());
        }
    }

    private void problem(Method method, String text) {
        problems.add(HandlerScan.describe(method) + " " + text);
    }

    /** @param kind whose accepted parameters to state, or {@code null} to state none */
    private void parameterProblem(Method method, int index, String text, HandlerKind kind) {
        problems.add(HandlerScan.describe(method, index) + " " + text + (kind == null ? "" : "; " + kind.accepted()));
    }
}
