package dev.sockeye.impl;

import dev.sockeye.Config;
import dev.sockeye.EventEndpoint;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.OnEvent;
import dev.sockeye.Protocol;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;

import jakarta.websocket.DeploymentException;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @EventEndpoint(protocol = NEFFOS)} classes of one path become one neffos endpoint; the
 * protocol defaults to Iris; conflicts fail the whole set with one error naming the classes.
 */
class NeffosEndpointClassesAreGroupedByPathTest {

    public static class Slow implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.builder().writeTimeout(Duration.ofSeconds(30)).build();
        }
    }

    @EventEndpoint(value = "/ws", protocol = Protocol.NEFFOS)
    @NeffosController("chat")
    public static class Chat {
        @OnEvent("say")
        public String say(String text) {
            return text;
        }
    }

    @EventEndpoint(value = "/ws", protocol = Protocol.NEFFOS)
    @NeffosController("news")
    public static class News {
        @OnEvent("read")
        public String read() {
            return "headline";
        }
    }

    @EventEndpoint(value = "/ws", config = Slow.class, protocol = Protocol.NEFFOS)
    @NeffosController("admin")
    public static class SlowAdmin {
        @OnEvent("kick")
        public void kick() {
        }
    }

    @EventEndpoint(value = "/slow", config = Slow.class, protocol = Protocol.NEFFOS)
    @NeffosController("")
    public static class SlowDefault {
        @OnEvent("ping")
        public String ping() {
            return "pong";
        }
    }

    @EventEndpoint("/iris")
    public static class Iris {
        @OnEvent("ping")
        public String ping() {
            return "pong";
        }
    }

    @EventEndpoint("/ws")
    public static class IrisAtNeffosPath {
        @OnEvent("ping")
        public String ping() {
            return "pong";
        }
    }

    @EventEndpoint(value = "/bare", protocol = Protocol.NEFFOS)
    public static class NeffosWithoutController {
    }

    @EventEndpoint("/forgot")
    @NeffosController("forgot")
    public static class ControllerWithoutProtocol {
    }

    @Test
    void neffosClassesOfOnePathAreOneEndpointAndIrisIsTheDefault() throws DeploymentException {
        List<SockeyeEndpoint> endpoints = Sockeye.endpoints(Chat.class, Iris.class, News.class, SlowDefault.class);
        assertEquals(List.of("/iris", "/ws", "/slow"), endpoints.stream().map(SockeyeEndpoint::path).toList());
        assertEquals(List.of(Protocol.IRIS, Protocol.NEFFOS, Protocol.NEFFOS),
                endpoints.stream().map(SockeyeEndpoint::protocol).toList());
        assertEquals(Config.defaults().writeTimeout(), endpoints.get(1).config().writeTimeout());
        assertEquals(Duration.ofSeconds(30), endpoints.get(2).config().writeTimeout(), "the classes' config applies");
    }

    @Test
    void oneNeffosClassIsANeffosEndpoint() throws DeploymentException {
        SockeyeEndpoint endpoint = Sockeye.endpoint(Chat.class);
        assertEquals(Protocol.NEFFOS, endpoint.protocol());
        assertEquals("/ws", endpoint.path());
        assertEquals(Protocol.IRIS, Sockeye.endpoint(Iris.class).protocol());
        assertTrue(assertThrows(DeploymentException.class, () -> Sockeye.endpoint(ControllerWithoutProtocol.class))
                .getMessage().contains("protocol = Protocol.NEFFOS"));
    }

    @Test
    void differentConfigsOnOnePathFailNamingTheClasses() {
        String message = assertThrows(DeploymentException.class,
                () -> Sockeye.endpoints(Chat.class, News.class, SlowAdmin.class, Iris.class)).getMessage();
        assertTrue(message.startsWith("3 of 4 endpoint classes cannot be deployed; nothing was deployed\n"), message);
        assertTrue(message.contains("cannot deploy the neffos endpoint /ws of " + Chat.class.getName() + ", "
                + News.class.getName() + ", " + SlowAdmin.class.getName() + ": 1 problem"), message);
        assertTrue(message.contains("its classes name different configs, DefaultConfig by " + Chat.class.getName()
                + ", " + News.class.getName() + ", Slow by " + SlowAdmin.class.getName()), message);
    }

    @Test
    void everyMismatchOfProtocolAndAnnotationsIsReportedTogether() {
        String message = assertThrows(DeploymentException.class, () -> Sockeye.endpoints(Chat.class,
                IrisAtNeffosPath.class, NeffosWithoutController.class, ControllerWithoutProtocol.class)).getMessage();
        assertTrue(message.startsWith("4 of 4 endpoint classes cannot be deployed"), message);
        assertTrue(message.contains(ControllerWithoutProtocol.class.getName() + ": it is a @NeffosController on an "
                + "Iris-protocol @EventEndpoint; accepted: @EventEndpoint(value = ..., protocol = Protocol.NEFFOS)"), message);
        assertTrue(message.contains("NeffosWithoutController has protocol NEFFOS but no @NeffosController"), message);
        assertTrue(message.contains("cannot deploy the neffos endpoint /ws of " + Chat.class.getName()
                + ": the Iris-protocol endpoint " + IrisAtNeffosPath.class.getName() + " has the same path"), message);
    }
}
