package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.NamespaceHook;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.OnEvent;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad method of the controllers, and every misplaced handler, is reported in one deployment error. */
class InvalidControllerIsReportedWholeTest {

    @NeffosController("chat")
    public static class Broken {
        @OnEvent("_OnSomething")
        public void systemName() {
        }

        @OnEvent("two")
        public void twoPayloads(String a, Integer b) {
        }

        @NamespaceHook(NamespaceHook.Kind.ROOM_JOIN)
        public String hookReturns() {
            return "";
        }

        @NamespaceHook(NamespaceHook.Kind.ROOM_LEFT)
        public void hookPayload(String room) {
        }

        @OnEvent("chat")
        void notPublic() {
        }

        @OnEvent("session")
        public void session(Session session, String text) {
        }
    }

    @NeffosController("chat")
    public static class Clashing {
        @OnEvent("taken")
        public void taken() {
        }
    }

    public static class NotAnnotated {
    }

    @Test
    void everyProblemIsListed() {
        Namespaces namespaces = Namespaces.builder()
                .namespace("chat", Events.builder().on("taken", (ns, msg) -> null).build())
                .namespace("other", Events.builder().onNativeMessage((ns, msg) -> null).build())
                .controller(Broken.class)
                .controller(Clashing.class)
                .controller(NotAnnotated.class)
                .build();
        DeploymentException e = assertThrows(DeploymentException.class, () -> NamespaceModel.compile(namespaces));
        String message = e.getMessage();
        assertTrue(message.startsWith("cannot deploy the neffos namespaces: 9 problems"), message);
        for (String expected : new String[] {"Broken.systemName() @OnEvent(\"_OnSomething\")",
                "Broken.twoPayloads(String, Integer): parameter 2", "Broken.hookReturns() returns String",
                "Broken.hookPayload(String): parameter 1",
                "Broken.session(Session, String): parameter 1 (Session session) is the container's jakarta.websocket.Session,"
                        + " which handlers are not given; use Connection",
                "Broken.notPublic() is not public; accepted: a public instance method",
                "Clashing: event 'taken' of namespace 'chat' already has a handler",
                "NotAnnotated is not annotated with @NeffosController",
                "namespace 'other' has a native message handler; only namespace \"\" receives native messages"}) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
    }

    @Test
    void aValidControllerCompilesIntoItsNamespace() throws DeploymentException {
        NamespaceModel model = NamespaceModel.compile(Namespaces.builder().controller(Clashing.class).build()).get("chat");
        assertEquals(1, model.controllers().size());
        assertTrue(model.handlers().containsKey("taken"));
    }
}
