package dev.sockeye;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The Java type an event's payload is decoded into, generics included.
 *
 * <p>For a plain class use {@link #of(Class)}; for a generic type create an anonymous subclass so
 * that the type argument is kept at run time:
 * <pre>{@code
 * connection.on("batch", new PayloadType<List<ChatMessage>>() {}, batch -> ...);
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads; two instances are equal when
 * they describe the same type.
 *
 * @param <T> the payload type
 */
public abstract class PayloadType<T> {

    private final Type type;

    /** Captures the type argument of an anonymous subclass. */
    protected PayloadType() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("PayloadType must be created with a type argument, "
                    + "for example new PayloadType<List<String>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private PayloadType(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * The payload type for a class. Primitive classes ({@code int.class}) are accepted and mean
     * their wrapper.
     */
    public static <T> PayloadType<T> of(Class<T> type) {
        return new PayloadType<>(type) { };
    }

    /** A payload type for a reflective type, such as a method parameter's generic type. */
    public static PayloadType<Object> ofType(Type type) {
        return new PayloadType<>(type) { };
    }

    /** @return the described type */
    public final Type type() {
        return type;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof PayloadType<?> that && type.equals(that.type);
    }

    @Override
    public final int hashCode() {
        return type.hashCode();
    }

    @Override
    public final String toString() {
        return type.getTypeName();
    }
}
