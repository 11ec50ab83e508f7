package dev.sockeye.docs;

import dev.sockeye.EventEndpoint;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.NamespaceHook;
import dev.sockeye.neffos.NeffosController;
import dev.sockeye.OnEvent;
import dev.sockeye.Protocol;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;

import jakarta.websocket.DeploymentException;

import java.util.List;

/** The neffos chapter's drop-in controllers: two namespaces of one path, found like @EventEndpoint classes. */
public final class NeffosDropIn {

    private NeffosDropIn() {
    }

    // tag::controllers[]
    @EventEndpoint(value = "/websocket_endpoint", protocol = Protocol.NEFFOS)
    @NeffosController("default")
    public static class ChatController {

        @OnEvent("chat")
        public void chat(NamespaceConnection ns, String text) {
            ns.to(Target.allExcept(ns.connection())).emit("chat", text);
        }
    }

    @EventEndpoint(value = "/websocket_endpoint", protocol = Protocol.NEFFOS)
    @NeffosController("admin")
    public static class AdminController {

        @NamespaceHook(NamespaceHook.Kind.NAMESPACE_CONNECT)
        public void connect(NamespaceConnection ns) {
            if (ns.connection().handshake().principal().isEmpty()) {
                throw new IllegalStateException("sign in first"); // connect("admin") rejects with this
            }
        }

        @OnEvent("uptime")
        public long uptime() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        }
    }
    // end::controllers[]

    // tag::programmatic[]
    /** Without sockeye-jakarta-ee: one neffos endpoint at /websocket_endpoint with both namespaces. */
    static List<SockeyeEndpoint> endpoints() throws DeploymentException {
        return Sockeye.endpoints(ChatController.class, AdminController.class);
    }
    // end::programmatic[]
}
