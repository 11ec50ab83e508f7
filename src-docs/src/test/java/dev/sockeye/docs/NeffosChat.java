package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.neffos.ErrorReplyException;
import dev.sockeye.neffos.Events;
import dev.sockeye.Handshake;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.NamespaceHook;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.neffos.NeffosMessage;
import dev.sockeye.OnEvent;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;

import jakarta.websocket.DeploymentException;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** The neffos chapter's examples: the seed's chat with Events, with a controller, and beside an Iris endpoint. */
public final class NeffosChat {

    private NeffosChat() {
    }

    // tag::events[]
    static SockeyeEndpoint chat() throws DeploymentException {
        Events.Handler onChat = (ns, msg) -> {
            Handshake context = ns.connection().handshake(); // websocket.GetContext(ns.Conn)
            String from = context.queryParameter("name").orElse(ns.connection().id());
            if (msg.room().isEmpty()) {
                ns.to(Target.allExcept(ns.connection())).emit("chat", from + ": " + msg.text());
            } else {
                ns.to(Target.room(msg.room())).emit("chat", from + ": " + msg.text());
            }
            return null; // nothing to answer; an ask would get an empty reply
        };
        Namespaces namespaces = Namespaces.builder()
                .namespace("default", Events.builder()
                        .onRoomJoin((ns, msg) -> {
                            if (msg.room().startsWith("admin")) {
                                throw new IllegalStateException("not for you"); // joinRoom rejects with this text
                            }
                        })
                        .on("chat", onChat)
                        .on("time", (ns, msg) -> java.time.Instant.now().toString()) // answers ns.ask("time")
                        .build())
                .build();
        return Sockeye.neffosEndpoint("/websocket_endpoint", Config.defaults(), namespaces);
    }
    // end::events[]

    // tag::controller[]
    @NeffosController("default")
    public static class ChatController {

        @NamespaceHook(NamespaceHook.Kind.NAMESPACE_CONNECTED)
        public void connected(NamespaceConnection ns) {
            System.out.println(ns.connection().id() + " connected to " + ns.namespace());
        }

        @NamespaceHook(NamespaceHook.Kind.NAMESPACE_DISCONNECT)
        public void disconnect(NamespaceConnection ns) {
            System.out.println(ns.connection().id() + " left " + ns.namespace());
        }

        @OnEvent("OnChat")
        public void chat(NamespaceConnection ns, NeffosMessage msg, String text) {
            ns.to(Target.allExcept(ns.connection())).emit("OnChat", text);
        }

        @OnEvent("nickname")
        public CompletionStage<String> nickname(NamespaceConnection ns) {
            // the server asks the client; its handler answers with neffos.reply("...")
            return ns.ask("whoAreYou", "", Duration.ofSeconds(5)).thenApply(reply -> "hello " + reply.text());
        }
    }

    static SockeyeEndpoint controllerChat() throws DeploymentException {
        return Sockeye.neffosEndpoint("/websocket_endpoint", Config.defaults(),
                Namespaces.builder().controller(ChatController.class).build());
    }
    // end::controller[]

    // tag::mixed[]
    /** An Iris-protocol endpoint and a neffos one that share its rooms, during a front-end migration. */
    static SockeyeEndpoint[] migration() throws DeploymentException {
        SockeyeEndpoint iris = Sockeye.endpoint("/chat", Config.defaults(),
                (Connection connection) -> connection.join(Namespaces.registryRoom("default", "news")));
        SockeyeEndpoint neffos = Sockeye.neffosEndpointSharing(iris, "/chat-v2", Namespaces.builder()
                .namespace("default", Events.builder().build())
                .build());
        // later, from anywhere: Iris clients and neffos clients that joined "news" in "default" receive it,
        // each in its own protocol
        iris.registry().to(Target.room(Namespaces.registryRoom("default", "news"))).emit("headline", "Sockeye 1.0");
        return new SockeyeEndpoint[] {iris, neffos};
    }
    // end::mixed[]

    // tag::clientErrors[]
    /** Logs the errors that neffos.js handlers return for the server's emits. */
    static Namespaces withClientErrorsLogged(Events events) {
        return Namespaces.builder()
                .onConnect(connection -> connection.onError(problem -> {
                    if (problem instanceof ErrorReplyException error) {
                        System.out.println(connection.id() + " failed on " + error.event().orElse("?") + ": "
                                + error.getMessage());
                    }
                }))
                .namespace("default", events)
                .build();
    }
    // end::clientErrors[]
}
