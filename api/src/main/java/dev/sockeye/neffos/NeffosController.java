package dev.sockeye.neffos;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.EventEndpoint;
import dev.sockeye.Handshake;
import dev.sockeye.OnEvent;
import dev.sockeye.PayloadType;
import dev.sockeye.Protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose methods are the events of one neffos namespace (Iris's websocket controller,
 * {@code mvc.Application.HandleWebsocket}). Register it with
 * {@link Namespaces.Builder#controller(Class)}, or also annotate it with
 * {@code @EventEndpoint(value = "/path", protocol = Protocol.NEFFOS)}: it is then found and deployed
 * like an {@link EventEndpoint} class, every such class of a path being one namespace of one neffos
 * endpoint ({@link Protocol#NEFFOS}).
 * <pre>{@code
 * @NeffosController("default")
 * public class ChatController {
 *     @Inject Logger logger;                       // with sockeye-jakarta-ee: a CDI bean
 *
 *     @NamespaceHook(NamespaceHook.Kind.NAMESPACE_CONNECTED)
 *     public void connected(NamespaceConnection ns, Handshake handshake) {
 *         logger.info(ns.connection().id() + " from " + handshake.remoteAddress().orElse("?"));
 *     }
 *
 *     @OnEvent("chat")
 *     public void chat(NamespaceConnection ns, NeffosMessage message, String text) {
 *         ns.to(Target.allExcept(ns.connection())).emit("chat", text);
 *     }
 * }
 * }</pre>
 *
 * <p>Event methods carry {@link OnEvent}; hook methods {@link NamespaceHook}. Parameters, in any
 * order: {@link NamespaceConnection}, {@link NeffosConnection}, {@link Connection},
 * {@link Handshake}, {@link ConnectionRegistry}, {@link NeffosMessage}, and, for events, at most one
 * payload parameter of any other type, decoded from the message body as
 * {@link NeffosMessage#decode(PayloadType)} does. An event method's return value answers the
 * client as an {@link Events.Handler}'s does; a hook returns {@code void}.
 *
 * <p>The class must be public, concrete, top-level or static nested. It is checked once, when the
 * endpoint is created, and every invalid method is reported together in one
 * {@link jakarta.websocket.DeploymentException}. Instances: from CDI when
 * {@code sockeye-jakarta-ee} runs in a CDI application, else one per namespace connection from the
 * public no-argument constructor; an instance is released after the namespace disconnects.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NeffosController {

    /** @return the namespace whose events the methods are; {@code ""} is neffos's default namespace */
    String value();
}
