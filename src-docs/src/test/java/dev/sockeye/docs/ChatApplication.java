package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Set;

// tag::application[]
/** Found by the container's scan of the web application: deploys the chat endpoint. */
public class ChatApplication implements ServerApplicationConfig {

    static final SockeyeEndpoint CHAT = Sockeye.endpoint("/chat", Config.defaults(), connection -> {
        connection.join("room1");
        connection.on("chat", String.class, message ->
                connection.to(Target.room("room1")).emit("chat", message));
    });

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.of(CHAT.serverEndpointConfig());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }
}
// end::application[]
