package dev.sockeye.impl.annotated;

import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.OnError;
import dev.sockeye.OnEvent;
import dev.sockeye.OnLeave;
import dev.sockeye.OnNativeMessage;

import java.lang.annotation.Annotation;

/** The six method annotations, with what each accepts; the texts appear in deployment errors. */
enum HandlerKind {
    CONNECT(OnConnect.class, "no value parameter", "void"),
    EVENT(OnEvent.class, "at most one payload parameter, decoded from the payload: String, a number, a record, "
            + "List<Move> or any other JSON-B type without type variables",
            "void or any value (emitted back on the same event)"),
    NATIVE_MESSAGE(OnNativeMessage.class, "at most one message parameter: byte[], ByteBuffer or String",
            "void, String or byte[] (sent back as a native message)"),
    LEAVE(OnLeave.class, "at most one String without annotation (the room)", "void"),
    DISCONNECT(OnDisconnect.class, "no value parameter", "void"),
    ERROR(OnError.class, "exactly one Throwable (or subclass) parameter", "void");

    static final String CONTEXT_PARAMETERS = "Connection, Handshake, ConnectionRegistry, @PathParam(\"name\") String";

    private final Class<? extends Annotation> annotation;
    private final String valueParameters;
    private final String returns;

    HandlerKind(Class<? extends Annotation> annotation, String valueParameters, String returns) {
        this.annotation = annotation;
        this.valueParameters = valueParameters;
        this.returns = returns;
    }

    Class<? extends Annotation> annotation() {
        return annotation;
    }

    String label() {
        return "@" + annotation.getSimpleName();
    }

    /** @return what the parameters of such a method may be, for error messages */
    String accepted() {
        return label() + " accepts " + CONTEXT_PARAMETERS + ", and " + valueParameters;
    }

    /** @return what such a method may return, for error messages */
    String returns() {
        return returns;
    }
}
