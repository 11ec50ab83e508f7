package dev.sockeye.impl.annotated;

import dev.sockeye.EventEndpoint;
import dev.sockeye.OnEvent;

import jakarta.websocket.server.PathParam;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        for (Method method : annotatedMethods()) {
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
                            + HandlerMethod.describe(first) + "; accepted: one method per event");
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
                            + HandlerMethod.describe(first) + "; accepted: one per class");
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
        int modifiers = type.getModifiers();
        if (endpoint == null) {
            problems.add("the class is not annotated with @EventEndpoint");
        } else if (!endpoint.value().startsWith("/")) {
            problems.add("@EventEndpoint(\"" + endpoint.value() + "\"): the path must start with '/'");
        }
        if (!Modifier.isPublic(modifiers)) {
            problems.add("the class must be public");
        }
        if (type.isInterface() || Modifier.isAbstract(modifiers)) {
            problems.add("the class must be concrete (not abstract, not an interface)");
        }
        if (type.isMemberClass() && !Modifier.isStatic(modifiers)) {
            problems.add("a nested endpoint class must be static");
        }
        if (type.isLocalClass() || type.isAnonymousClass()) {
            problems.add("the class must be a top-level or static nested class");
        }
    }

    /**
     * Every method of the class and its superclasses that carries a handler annotation, most
     * specific declaration first, in a stable order (name, then parameter types) so that messages
     * do not depend on reflection order.
     */
    private List<Method> annotatedMethods() {
        List<Method> found = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Method[] declared = c.getDeclaredMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
            for (Method method : declared) {
                if (method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                String signature = method.getName() + Arrays.toString(method.getParameterTypes());
                boolean overridden = !Modifier.isPrivate(method.getModifiers()) && !signatures.add(signature);
                if (!overridden && isHandler(method)) {
                    found.add(method);
                }
            }
        }
        return found;
    }

    private static boolean isHandler(Method method) {
        for (HandlerKind kind : HandlerKind.values()) {
            if (method.isAnnotationPresent(kind.annotation())) {
                return true;
            }
        }
        return false;
    }

    /** @return the prepared method, or {@code null} after recording its problems */
    private HandlerMethod prepare(Method method, HandlerKind kind) {
        int before = problems.size();
        int modifiers = method.getModifiers();
        if (Modifier.isStatic(modifiers)) {
            problem(method, "is static; accepted: a public instance method");
        } else if (!Modifier.isPublic(modifiers)) {
            problem(method, "is not public; accepted: a public instance method");
        }
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
            } else if (valueType != null) {
                parameterProblem(method, i, parameter, "is a second value parameter after one of type "
                        + HandlerMethod.simpleName(valueType), kind);
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
        MethodHandle handle = handle(method);
        return handle == null ? null : new HandlerMethod(method, handle, arguments, valueType);
    }

    private Argument pathParameter(Method method, int index, Parameter parameter, String name, HandlerKind kind) {
        if (parameter.getType() != String.class) {
            parameterProblem(method, index, parameter, "is a @PathParam of another type than String", kind);
            return null;
        }
        if (!pathVariables.contains(name)) {
            parameterProblem(method, index, parameter, "names @PathParam(\"" + name + "\") but the path has no {"
                    + name + "}; accepted names: " + pathVariables.stream().sorted().toList(), null);
            return null;
        }
        return Argument.pathParameter(name);
    }

    private Argument valueArgument(Method method, int index, Parameter parameter, Type generic, HandlerKind kind) {
        Class<?> raw = parameter.getType();
        switch (kind) {
            case EVENT -> {
                if (containsTypeVariable(generic)) {
                    parameterProblem(method, index, parameter, "has a type variable, which cannot be decoded", kind);
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
        parameterProblem(method, index, parameter, "is not accepted", kind);
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
            problem(method, "returns " + HandlerMethod.simpleName(method.getGenericReturnType()) + "; "
                    + kind.label() + " may return " + kind.returns());
        }
    }

    private MethodHandle handle(Method method) {
        try {
            return MethodHandles.publicLookup().unreflect(method);
        } catch (IllegalAccessException notPublicEnough) {
            // a public method declared in a non-public superclass
            try {
                method.setAccessible(true);
                return MethodHandles.lookup().unreflect(method);
            } catch (IllegalAccessException | RuntimeException e) {
                problem(method, "cannot be called: " + e.getMessage());
                return null;
            }
        }
    }

    private static boolean containsTypeVariable(Type type) {
        if (type instanceof TypeVariable<?>) {
            return true;
        }
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(EndpointScanner::containsTypeVariable);
        }
        if (type instanceof GenericArrayType array) {
            return containsTypeVariable(array.getGenericComponentType());
        }
        if (type instanceof WildcardType wildcard) {
            return Arrays.stream(wildcard.getUpperBounds()).anyMatch(EndpointScanner::containsTypeVariable)
                    || Arrays.stream(wildcard.getLowerBounds()).anyMatch(EndpointScanner::containsTypeVariable);
        }
        return false;
    }

    private void problem(Method method, String text) {
        problems.add(HandlerMethod.describe(method) + " " + text);
    }

    /** @param kind whose accepted parameters to state, or {@code null} to state none */
    private void parameterProblem(Method method, int index, Parameter parameter, String text, HandlerKind kind) {
        String name = parameter.isNamePresent() ? " " + parameter.getName() : "";
        String annotations = Arrays.stream(parameter.getAnnotations()).map(EndpointScanner::annotationLabel)
                .reduce("", (a, b) -> a + b + " ");
        problems.add(HandlerMethod.describe(method) + ": parameter " + (index + 1) + " (" + annotations
                + HandlerMethod.simpleName(parameter.getParameterizedType()) + name + ") " + text
                + (kind == null ? "" : "; " + kind.accepted()));
    }

    private static String annotationLabel(Annotation annotation) {
        return annotation instanceof PathParam p ? "@PathParam(\"" + p.value() + "\")"
                : "@" + annotation.annotationType().getSimpleName();
    }
}
