package dev.sockeye.impl.annotated;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every scanner of annotated handler classes checks and prepares the same way, the Iris
 * endpoint scanner and the neffos controller scanner alike: the class's shape, its annotated
 * methods in a stable order, a method's modifiers, its method handle, and the wording of problems
 * (a method with simple type names, a parameter with its annotations and name). Problems are added
 * to a list, never thrown, so that one deployment error lists them all.
 */
public final class HandlerScan {

    private HandlerScan() {
    }

    /**
     * Adds a problem for each way the class cannot be instantiated per connection.
     *
     * @param subject how problems name the class, for example {@code the class} or its simple name
     */
    public static void checkClass(Class<?> type, String subject, List<String> problems) {
        int modifiers = type.getModifiers();
        if (!Modifier.isPublic(modifiers)) {
            problems.add(subject + " must be public");
        }
        if (type.isInterface() || Modifier.isAbstract(modifiers)) {
            problems.add(subject + " must be concrete (not abstract, not an interface)");
        }
        if ((type.isMemberClass() && !Modifier.isStatic(modifiers)) || type.isLocalClass() || type.isAnonymousClass()) {
            problems.add(subject + " must be a top-level or static nested class");
        }
    }

    /**
     * @return every method of the class and its superclasses that carries one of the annotations,
     *         most specific declaration first, in a stable order (name, then parameter types) so
     *         that messages do not depend on reflection order
     */
    public static List<Method> annotatedMethods(Class<?> type, List<Class<? extends Annotation>> annotations) {
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
                if (!overridden && annotations.stream().anyMatch(method::isAnnotationPresent)) {
                    found.add(method);
                }
            }
        }
        return found;
    }

    /** Adds a problem if the method is not a public instance method. */
    public static void checkPublicInstance(Method method, List<String> problems) {
        int modifiers = method.getModifiers();
        if (Modifier.isStatic(modifiers)) {
            problems.add(describe(method) + " is static; accepted: a public instance method");
        } else if (!Modifier.isPublic(modifiers)) {
            problems.add(describe(method) + " is not public; accepted: a public instance method");
        }
    }

    /** @return the method's handle, of its own type (receiver first), or {@code null} after adding a problem */
    public static MethodHandle handle(Method method, List<String> problems) {
        try {
            return MethodHandles.publicLookup().unreflect(method);
        } catch (IllegalAccessException notPublicEnough) {
            // a public method declared in a non-public superclass
            try {
                method.setAccessible(true);
                return MethodHandles.lookup().unreflect(method);
            } catch (IllegalAccessException | RuntimeException e) {
                problems.add(describe(method) + " cannot be called: " + e.getMessage());
                return null;
            }
        }
    }

    /** @return whether a payload of this declared type cannot be decoded, because it names a type variable */
    public static boolean containsTypeVariable(Type type) {
        if (type instanceof TypeVariable<?>) {
            return true;
        }
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(HandlerScan::containsTypeVariable);
        }
        if (type instanceof GenericArrayType array) {
            return containsTypeVariable(array.getGenericComponentType());
        }
        if (type instanceof WildcardType wildcard) {
            return Arrays.stream(wildcard.getUpperBounds()).anyMatch(HandlerScan::containsTypeVariable)
                    || Arrays.stream(wildcard.getLowerBounds()).anyMatch(HandlerScan::containsTypeVariable);
        }
        return false;
    }

    /**
     * @return the problem of a parameter whose type belongs to the container's WebSocket API
     *         ({@code jakarta.websocket.Session}, {@code EndpointConfig}...), which handlers are not
     *         given (without this check it would be taken for a payload); {@code null} for other types
     */
    public static String containerTypeProblem(Class<?> raw) {
        String pkg = raw.getPackageName();
        if (!pkg.equals("jakarta.websocket") && !pkg.equals("jakarta.websocket.server")) {
            return null;
        }
        return "is the container's " + raw.getName() + ", which handlers are not given; "
                + "use Connection (for the session: id, emit, rooms, disconnect) or Handshake (for the handshake request)";
    }

    /** @return {@code SimpleClass.method(ParamType, ...)} with simple type names, for messages */
    public static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getGenericParameterTypes()).map(HandlerScan::simpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** @return {@code Method(Types): parameter <n> (<annotations> <Type> <name>)}, for messages */
    public static String describe(Method method, int index) {
        Parameter parameter = method.getParameters()[index];
        String name = parameter.isNamePresent() ? " " + parameter.getName() : "";
        String annotations = Arrays.stream(parameter.getAnnotations()).map(HandlerScan::annotationLabel)
                .reduce("", (a, b) -> a + b + " ");
        return describe(method) + ": parameter " + (index + 1) + " (" + annotations
                + simpleName(parameter.getParameterizedType()) + name + ")";
    }

    /** @return a type's name without package names, generics included */
    public static String simpleName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName()
                : type.getTypeName().replaceAll("\\b[a-z_$][\\w$]*\\.", "");
    }

    private static String annotationLabel(Annotation annotation) {
        return annotation instanceof PathParam p ? "@PathParam(\"" + p.value() + "\")"
                : "@" + annotation.annotationType().getSimpleName();
    }
}
