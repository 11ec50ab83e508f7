package dev.sockeye.impl.annotated;

import dev.sockeye.PayloadType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * One handler method turned, once per class, into a prepared invoker: a method handle of shape
 * {@code (Object target, Object[] arguments) -> Object} and one {@link Argument} per parameter.
 * Nothing is looked up or bound per connection or per message. Immutable and thread-safe.
 */
final class HandlerMethod {

    private static final MethodType SHAPE = MethodType.methodType(Object.class, Object.class, Object[].class);

    private final Method method;
    private final MethodHandle invoker;
    private final Argument[] arguments;
    private final Type valueType;
    private final PayloadType<Object> payloadType;

    /**
     * @param handle    the method's handle, of its own type (receiver first)
     * @param valueType the declared type of the value parameter, {@code null} if the method has none
     */
    HandlerMethod(Method method, MethodHandle handle, Argument[] arguments, Type valueType) {
        this.method = method;
        this.invoker = handle.asSpreader(Object[].class, arguments.length).asType(SHAPE);
        this.arguments = arguments.clone();
        this.valueType = valueType;
        this.payloadType = valueType == null ? null : PayloadType.ofType(valueType);
    }

    /** @return the declared type of the value parameter (payload, message, room, error), or {@code null} */
    Type valueType() {
        return valueType;
    }

    /** @return {@link #valueType()} as a payload type, or {@code null} */
    PayloadType<Object> payloadType() {
        return payloadType;
    }

    /**
     * Calls the method. Unchecked exceptions pass through as they are; a checked one is wrapped in
     * an {@link UndeclaredThrowableException} naming the method (listener callbacks cannot throw it).
     *
     * @return what the method returned; {@code null} for {@code void}
     */
    Object invoke(Object target, Call call) {
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments[i].resolve(call);
        }
        try {
            return (Object) invoker.invokeExact(target, values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new UndeclaredThrowableException(checked, HandlerScan.describe(method) + " threw " + checked);
        }
    }

    @Override
    public String toString() {
        return HandlerScan.describe(method);
    }
}
