package dev.sockeye;

import dev.sockeye.neffos.NeffosController;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * Marks a class whose methods handle the connections of one endpoint (Iris's websocket
 * controller): {@link OnConnect}, {@link OnEvent}, {@link OnNativeMessage}, {@link OnLeave},
 * {@link OnDisconnect} and {@link OnError}.
 * <pre>{@code
 * @EventEndpoint("/chat/{room}")
 * public class ChatEndpoint {
 *     @OnConnect
 *     public void joined(Connection connection, @PathParam("room") String room) {
 *         connection.join(room);
 *     }
 *
 *     @OnEvent("chat")
 *     public void chat(Connection connection, @PathParam("room") String room, String message) {
 *         connection.to(Target.room(room)).emit("chat", message);
 *     }
 * }
 * }</pre>
 *
 * <p>The class must be public, concrete and top-level or static nested. Its methods are checked
 * once, when the endpoint is created ({@link Sockeye#endpoint(Class)}, or at application start when
 * the {@code sockeye-jakarta-ee} jar deploys it); every invalid method is reported together in one
 * {@link jakarta.websocket.DeploymentException}.
 *
 * <p>Instances: in a CDI application (with {@code sockeye-jakarta-ee}) they come from CDI, with the
 * lifecycle of the class's scope; without CDI a new instance is made for every connection with the
 * public no-argument constructor and dropped when the connection ends. The guide's "Annotated
 * endpoints" chapter describes both.
 *
 * <p>With {@code protocol = Protocol.NEFFOS} the class is a {@link NeffosController} served at the
 * path by a neffos endpoint; all such classes of one path share that endpoint, one namespace each:
 * <pre>{@code
 * @EventEndpoint(value = "/echo", protocol = Protocol.NEFFOS)
 * @NeffosController("default")
 * public class EchoController {
 *     @OnEvent("echo")
 *     public String echo(String text) {
 *         return text;
 *     }
 * }
 * }</pre>
 * Create them with {@link Sockeye#endpoints(Class[])}, or let {@code sockeye-jakarta-ee} deploy them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventEndpoint {

    /**
     * @return the endpoint path, starting with {@code /}, relative to the web application; may
     *         contain {@code {name}} template variables, read with
     *         {@link jakarta.websocket.server.PathParam}
     */
    String value();

    /**
     * @return the class that supplies the endpoint's {@link Config}; it is instantiated like an
     *         endpoint class (from CDI when present, else with its public no-argument constructor)
     *         and asked once, when the endpoint is created. Default: {@link Config#defaults()}.
     */
    Class<? extends Supplier<Config>> config() default DefaultConfig.class;

    /**
     * @return the protocol the endpoint speaks; default {@link Protocol#IRIS}. With
     *         {@link Protocol#NEFFOS} the class must also be annotated with {@link NeffosController},
     *         and the classes of one path are grouped into one neffos endpoint, which fails to
     *         deploy when they name different {@link #config()} classes.
     */
    Protocol protocol() default Protocol.IRIS;

    /** Supplies {@link Config#defaults()}: the default of {@link #config()}. */
    final class DefaultConfig implements Supplier<Config> {
        @Override
        public Config get() {
            return Config.defaults();
        }
    }
}
