package dev.sockeye.impl.tyrus;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.glassfish.tyrus.core.monitoring.MessageEventListener;

/**
 * Writes Sockeye's pre-framed data frames straight to a Tyrus connection, the way Tyrus's own
 * {@code Session.broadcast} does: the frame of a broadcast is built and UTF-8-encoded once, every
 * recipient's write is a plain copy of those bytes to its socket. Through the Jakarta API
 * ({@code RemoteEndpoint.Async.sendText}) Tyrus encodes the text, frames it and schedules an idle
 * timer task anew for every recipient and every frame.
 *
 * <p>Used only where it changes nothing a connection could observe: a server session of Tyrus
 * (embedded, GlassFish, Payara) without negotiated extensions (permessage-deflate must transform
 * the frame), without a session idle timeout (Tyrus restarts it on every send through its API) and
 * without Tyrus's message monitoring (which counts frames sent through its API). Otherwise, and in
 * every other container, {@link #of} answers {@code null} and frames go through the Jakarta API.
 *
 * <p>The Tyrus connection is reached through a package-private field of
 * {@code TyrusRemoteEndpoint}; if a Tyrus version moves it, {@link #of} answers {@code null}.
 * Thread-safety: as Tyrus's own sends; Sockeye's outbound queue writes one frame at a time.
 */
public final class RawFrameTransport {

    private static final Access ACCESS = Access.find();

    private final TyrusWebSocket webSocket;

    private RawFrameTransport(TyrusWebSocket webSocket) {
        this.webSocket = webSocket;
    }

    /** @return the raw path for this session, or {@code null} when frames must go through the Jakarta API */
    public static RawFrameTransport of(Session session) {
        if (ACCESS == null || session.getMaxIdleTimeout() > 0 || !session.getNegotiatedExtensions().isEmpty()) {
            return null;
        }
        try {
            Object remote = session.getAsyncRemote();
            if (!(remote instanceof TyrusRemoteEndpoint)) {
                return null;
            }
            TyrusWebSocket webSocket = (TyrusWebSocket) ACCESS.webSocket.get(remote);
            if (webSocket == null || ACCESS.messageEvents.invoke(webSocket) != MessageEventListener.NO_OP) {
                return null;
            }
            return new RawFrameTransport(webSocket);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Starts writing one whole frame; {@code handler} hears once how it ended, possibly before this
     * method returns.
     *
     * @param frame the frame's wire bytes (RFC 6455 §5.2, unmasked); not modified, may be shared
     */
    public void send(byte[] frame, SendHandler handler) {
        Future<?> written;
        try {
            written = webSocket.sendRawFrame(ByteBuffer.wrap(frame));
        } catch (RuntimeException e) {
            handler.onResult(new SendResult(e));
            return;
        }
        if (written instanceof CompletionStage<?> stage) { // Tyrus 2.x: a TyrusFuture, see Access.find
            stage.whenComplete((result, failure) ->
                    handler.onResult(failure == null ? new SendResult() : new SendResult(failure)));
        } else {
            handler.onResult(new SendResult(new IllegalStateException(
                    "this Tyrus version's raw frame write cannot be observed: " + written.getClass().getName())));
        }
    }

    /** The reflective handles, found once; {@code null} when this Tyrus is not the one we know. */
    private record Access(Field webSocket, Method messageEvents) {

        static Access find() {
            try {
                Field webSocket = TyrusRemoteEndpoint.class.getDeclaredField("webSocket");
                webSocket.setAccessible(true);
                Method messageEvents = TyrusWebSocket.class.getDeclaredMethod("getMessageEventListener");
                messageEvents.setAccessible(true);
                Method send = TyrusWebSocket.class.getMethod("sendRawFrame", ByteBuffer.class);
                Class<?> futureType = Class.forName("org.glassfish.tyrus.core.TyrusFuture", false,
                        TyrusWebSocket.class.getClassLoader());
                if (!TyrusWebSocket.class.isAssignableFrom(webSocket.getType())
                        || !CompletionStage.class.isAssignableFrom(futureType)
                        || !Future.class.isAssignableFrom(send.getReturnType())) {
                    return null;
                }
                return new Access(webSocket, messageEvents);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }
    }
}
