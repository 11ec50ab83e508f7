package dev.sockeye.bench;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline: what a developer writes by hand on plain Jakarta WebSocket to do the benchmark's
 * work. Sessions go into concurrent sets (all, and per room); an incoming Iris frame is split with
 * {@code indexOf}; replies and broadcasts go out with {@code getAsyncRemote().sendText}. No origin
 * check, no size limit, no outbound queue limit: the cheapest correct code, one instance per
 * connection as the container creates it.
 */
public final class RawEndpoint extends Endpoint {

    static final Set<Session> ALL = ConcurrentHashMap.newKeySet();
    static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();
    private static final Jsonb JSONB = JsonbBuilder.create();

    private String room;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        List<String> rooms = session.getRequestParameterMap().get("room");
        if (rooms != null && !rooms.isEmpty()) {
            room = rooms.get(0);
            ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
        }
        ALL.add(session);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) frame -> onFrame(session, frame));
    }

    private static void onFrame(Session session, String frame) {
        String event = IrisText.event(frame);
        if ("echo".equals(event)) {
            session.getAsyncRemote().sendText(IrisText.frame("echo", 0, IrisText.payload(frame, event)));
        } else if ("json".equals(event)) {
            Move move = JSONB.fromJson(IrisText.payload(frame, event), Move.class);
            session.getAsyncRemote().sendText(IrisText.frame("json", 4, JSONB.toJson(move)));
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        forget(session);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        if (!session.isOpen()) {
            forget(session);
        }
    }

    private void forget(Session session) {
        ALL.remove(session);
        if (room != null) {
            Set<Session> members = ROOMS.get(room);
            if (members != null) {
                members.remove(session);
            }
        }
    }
}
