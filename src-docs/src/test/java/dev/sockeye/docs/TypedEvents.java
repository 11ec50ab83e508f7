package dev.sockeye.docs;

import dev.sockeye.Connection;
import dev.sockeye.PayloadType;

import java.util.List;

/** Listening and answering with typed payloads (guide/events-and-rooms.md). */
public final class TypedEvents {

    private TypedEvents() {
    }

    // tag::record[]
    /** A JSON payload: {"piece":"knight","x":2,"y":3}. */
    public record Move(String piece, int x, int y) {
    }
    // end::record[]

    // tag::listeners[]
    static void register(Connection connection) {
        connection.on("text", String.class, text -> connection.emit("text", text.toUpperCase()));
        connection.on("count", int.class, count -> connection.emit("count", count + 1));
        connection.on("flag", boolean.class, flag -> connection.emit("flag", !flag));
        connection.on("move", Move.class, move -> connection.emit("moved", move));
        connection.on("moves", new PayloadType<List<Move>>() { }, moves -> connection.emit("count", moves.size()));
        connection.on("ping", () -> connection.emit("pong", ""));

        connection.onMessage(bytes -> connection.emitMessage(bytes)); // native messages, echoed

        connection.onError(error -> connection.emit("problem", error.getMessage()));
    }
    // end::listeners[]
}
