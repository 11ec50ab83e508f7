package dev.sockeye.bench;

import dev.sockeye.Config;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.SockeyeEndpoint;

import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark application on the hand-written {@link RawEndpoint}: a broadcast builds the frame
 * once and loops over the sessions with {@code getAsyncRemote().sendText(frame, handler)}; the
 * handlers count down to complete the stage (the raw equivalent of Sockeye's delivery stage).
 */
final class RawServer implements ServerUnderTest {

    private final ServerEndpointConfig config = ServerEndpointConfig.Builder.create(RawEndpoint.class, PATH).build();

    @Override
    public SockeyeEndpoint endpoint() {
        // the embedded server deploys SockeyeEndpoints; this one only carries the raw endpoint's config
        return new SockeyeEndpoint() {
            @Override
            public String path() {
                return PATH;
            }

            @Override
            public Config config() {
                return Config.defaults();
            }

            @Override
            public ConnectionRegistry registry() {
                throw new UnsupportedOperationException("the raw endpoint has no Sockeye registry");
            }

            @Override
            public ServerEndpointConfig serverEndpointConfig() {
                return config;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public int connections() {
        return RawEndpoint.ALL.size();
    }

    @Override
    public CompletionStage<Void> emitToRoom(String room, String event, String text) {
        Set<Session> members = RawEndpoint.ROOMS.get(room);
        return members == null ? CompletableFuture.completedFuture(null) : send(members, event, text);
    }

    @Override
    public CompletionStage<Void> emitToAll(String event, String text) {
        return send(RawEndpoint.ALL, event, text);
    }

    private static CompletionStage<Void> send(Set<Session> sessions, String event, String text) {
        String frame = IrisText.frame(event, 0, text);
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(1);
        for (Session session : sessions) {
            pending.incrementAndGet();
            try {
                session.getAsyncRemote().sendText(frame, result -> {
                    if (pending.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                });
            } catch (RuntimeException closed) {
                pending.decrementAndGet();
            }
        }
        if (pending.decrementAndGet() == 0) {
            done.complete(null);
        }
        return done;
    }
}
