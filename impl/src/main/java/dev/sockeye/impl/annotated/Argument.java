package dev.sockeye.impl.annotated;

import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Handshake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How one parameter of a handler method gets its value; chosen once per parameter when the class is
 * scanned, so that a message costs a switch-free call per parameter.
 */
@FunctionalInterface
interface Argument {

    Object resolve(Call call);

    Argument CONNECTION = Call::connection;
    Argument HANDSHAKE = call -> call.connection().handshake();
    Argument REGISTRY = call -> call.connection().registry();
    /** The callback's value as it is: a decoded payload, a room, an error. */
    Argument VALUE = Call::value;
    Argument NATIVE_TEXT = call -> new String((byte[]) call.value(), StandardCharsets.UTF_8);
    Argument NATIVE_BUFFER = call -> ByteBuffer.wrap((byte[]) call.value());

    static Argument pathParameter(String name) {
        return call -> call.connection().handshake().pathParameters().get(name);
    }

    /** The types a handler may ask for besides its value, and what each gets. */
    static Argument contextual(Class<?> type) {
        if (type == dev.sockeye.Connection.class) {
            return CONNECTION;
        }
        if (type == Handshake.class) {
            return HANDSHAKE;
        }
        if (type == ConnectionRegistry.class) {
            return REGISTRY;
        }
        return null;
    }
}
