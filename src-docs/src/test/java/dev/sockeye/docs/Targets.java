package dev.sockeye.docs;

import dev.sockeye.Connection;
import dev.sockeye.Target;

/** The four targets of an emit (guide/events-and-rooms.md). */
public final class Targets {

    private Targets() {
    }

    // tag::targets[]
    static void register(Connection connection) {
        connection.on("whisper", Whisper.class, whisper ->
                connection.to(Target.connection(whisper.to())).emit("whisper", whisper.text()));

        connection.on("say", String.class, text ->
                connection.to(Target.room("lobby")).emit("said", text));      // the room, me included if I joined

        connection.on("announce", String.class, text ->
                connection.to(Target.all()).emit("announcement", text));      // everybody, me included

        connection.on("typing", () ->
                connection.to(Target.allExcept(connection)).emit("typing", connection.id())); // everybody but me
    }

    public record Whisper(String to, String text) {
    }
    // end::targets[]

    // tag::rooms[]
    static void rooms(Connection connection) {
        connection.on("join", String.class, room -> connection.join(room));
        connection.on("leave", String.class, room -> connection.leave(room));
        connection.onLeave(room -> System.out.println(connection.id() + " left " + room));
        connection.onDisconnect(() -> System.out.println(connection.id() + " is gone"));
    }
    // end::rooms[]
}
