package dev.sockeye.docs;

import dev.sockeye.Connection;
import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnDisconnect;
import dev.sockeye.OnError;
import dev.sockeye.OnEvent;
import dev.sockeye.OnLeave;
import dev.sockeye.Target;
import dev.sockeye.docs.TypedEvents.Move;

import jakarta.websocket.server.PathParam;

/** The annotated chat of the guide (guide/annotated-endpoints.md). */
// tag::endpoint[]
@EventEndpoint("/chat/{room}")
public class AnnotatedChat {

    @OnConnect
    public void joined(Connection connection, @PathParam("room") String room) {
        connection.join(room);
    }

    @OnEvent("chat")
    public void chat(Connection connection, @PathParam("room") String room, String message) {
        connection.to(Target.room(room)).emit("chat", "From: " + connection.id() + ": " + message);
    }

    @OnEvent("move")
    public Move move(Move move) {
        return new Move(move.piece(), move.x() + 1, move.y()); // emitted back to the sender on "move"
    }

    @OnLeave
    public void left(Connection connection, String room) {
        connection.to(Target.room(room)).emit("left", connection.id());
    }

    @OnDisconnect
    public void disconnected(Connection connection) {
        System.out.println("Connection with ID: " + connection.id() + " has been disconnected!");
    }

    @OnError
    public void failed(Connection connection, Throwable problem) {
        connection.emit("problem", problem.getMessage());
    }
}
// end::endpoint[]
