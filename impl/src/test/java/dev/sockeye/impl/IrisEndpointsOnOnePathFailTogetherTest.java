package dev.sockeye.impl;

import dev.sockeye.EventEndpoint;
import dev.sockeye.OnConnect;
import dev.sockeye.OnEvent;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;

import jakarta.websocket.DeploymentException;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Iris-protocol {@code @EventEndpoint} classes on one path (also when only the names of the
 * path's template variables differ, which a WebSocket container treats as the same path) fail the
 * whole set with one error naming both classes, before any endpoint is returned for deployment;
 * their own problems are listed in the same error.
 */
class IrisEndpointsOnOnePathFailTogetherTest {

    @EventEndpoint("/chat")
    public static class Chat {
        @OnEvent("say")
        public String say(String text) {
            return text;
        }
    }

    @EventEndpoint("/chat")
    public static class OtherChat {
        @OnEvent("say")
        public String say(String text) {
            return text.toUpperCase();
        }
    }

    @EventEndpoint("/rooms/{room}")
    public static class Rooms {
    }

    @EventEndpoint("/rooms/{name}")
    public static class NamedRooms {
    }

    @EventEndpoint("/rooms/{room}/admin")
    public static class RoomAdmin {
    }

    @EventEndpoint("/chat")
    public static class BrokenChat {
        @OnConnect
        public String connect() {
            return "";
        }
    }

    @Test
    void twoClassesOnOnePathFailNamingBoth() {
        String message = assertThrows(DeploymentException.class,
                () -> Sockeye.endpoints(Chat.class, Rooms.class, OtherChat.class)).getMessage();
        assertTrue(message.startsWith("2 of 3 endpoint classes cannot be deployed; nothing was deployed\n"), message);
        assertTrue(message.contains("cannot deploy the Iris-protocol endpoints " + Chat.class.getName() + ", "
                + OtherChat.class.getName() + ": they have the same path /chat; accepted: one Iris-protocol "
                + "@EventEndpoint class per path"), message);
        assertEquals(2, message.split("\n").length, message);
    }

    @Test
    void templateVariablesOfAnotherNameAreTheSamePath() {
        String message = assertThrows(DeploymentException.class,
                () -> Sockeye.endpoints(Rooms.class, NamedRooms.class, RoomAdmin.class)).getMessage();
        assertTrue(message.contains("cannot deploy the Iris-protocol endpoints " + Rooms.class.getName() + ", "
                + NamedRooms.class.getName() + ": they have the same path /rooms/{room} and /rooms/{name}"), message);
        assertTrue(message.startsWith("2 of 3 endpoint classes"), message);
    }

    @Test
    void aBrokenClassOnATakenPathIsReportedForBoth() {
        String message = assertThrows(DeploymentException.class,
                () -> Sockeye.endpoints(Chat.class, BrokenChat.class)).getMessage();
        assertTrue(message.startsWith("2 of 2 endpoint classes"), message);
        assertTrue(message.contains("cannot deploy the Sockeye endpoint " + BrokenChat.class.getName() + ": 1 problem"), message);
        assertTrue(message.contains("BrokenChat.connect() returns String; @OnConnect may return void"), message);
        assertTrue(message.contains("cannot deploy the Iris-protocol endpoints " + Chat.class.getName() + ", "
                + BrokenChat.class.getName() + ": they have the same path /chat"), message);
    }

    @Test
    void distinctPathsDeploy() throws DeploymentException {
        List<SockeyeEndpoint> endpoints = Sockeye.endpoints(Chat.class, Rooms.class, RoomAdmin.class);
        assertEquals(List.of("/chat", "/rooms/{room}", "/rooms/{room}/admin"),
                endpoints.stream().map(SockeyeEndpoint::path).toList());
        endpoints.forEach(SockeyeEndpoint::close);
    }
}
