package dev.sockeye;

import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One WebSocket peer of a Sockeye endpoint: its ID, its event listeners, its rooms, and the way
 * to answer it ({@link #emit}) or to reach others ({@link #to}).
 *
 * <h2>Lifecycle</h2>
 * A connection is created when the handshake succeeds and handed to the endpoint's
 * {@link ConnectionListener}; listeners registered there see every message. It is a member of a
 * room named by its own {@link #id()} from the start. When it ends, whoever closes first, it
 * leaves every room (one leave notification per room, its own room included), then its
 * disconnect listeners run, then the close frame is sent; each happens exactly once.
 *
 * <h2>Threading</h2>
 * All methods are safe to call from any thread. Listeners of one connection are called one at a
 * time, never concurrently (the container delivers one message at a time per peer). An exception
 * thrown by a listener is reported to the {@linkplain #onError error listeners} and never closes
 * the connection. Listeners are kept in registration order; several listeners of one event are all
 * called.
 */
public interface Connection extends Emitter {

    /** @return the connection ID assigned at the handshake; unique among connected peers, never {@code null} */
    String id();

    /** @return an immutable copy of the HTTP upgrade request (headers, query, path parameters, principal) */
    Handshake handshake();

    /**
     * Listens to an event and decodes its payload into {@code type}. Besides records and other
     * JSON-B types, {@code String}, {@code int}/{@code long} (and the other integral types),
     * {@code double}/{@code float}, {@code boolean}, {@code byte[]} and {@code Object} (decoded by
     * the frame's type digit) are understood. A payload that cannot become {@code type} reaches
     * the error listeners as a {@link PayloadDecodeException}; the handler is not called.
     *
     * @param event   the event name; not {@code null} or empty, without {@code ';'}
     * @param type    the payload class; primitive classes mean their wrappers
     * @param handler called with the decoded payload; not {@code null}
     */
    <T> void on(String event, Class<T> type, Consumer<? super T> handler);

    /**
     * Listens to an event whose payload is a generic type, for example
     * {@code new PayloadType<List<Message>>() {}}. See {@link #on(String, Class, Consumer)}.
     */
    <T> void on(String event, PayloadType<T> type, Consumer<? super T> handler);

    /** Listens to an event and ignores its payload, whatever it is. */
    void on(String event, Runnable handler);

    /**
     * Listens to native messages: frames that do not start with the event prefix, as sent by
     * Iris's {@code EmitMessage} or a plain browser {@code WebSocket.send}. The handler receives
     * the frame's bytes (UTF-8 for text frames); the array is the handler's own.
     */
    void onMessage(Consumer<byte[]> handler);

    /** Called with the room name each time this connection leaves a room, explicitly or because it disconnected. */
    void onLeave(Consumer<String> handler);

    /** Called once, after the connection has left every room, when the connection ends for any reason. */
    void onDisconnect(Runnable handler);

    /**
     * Called with every problem of this connection: a listener that threw, a payload that could not
     * be decoded, a malformed frame, a failed write. Without error listeners such problems are logged.
     */
    void onError(Consumer<Throwable> handler);

    /**
     * Called each time the server pings this connection (every {@link Config#pingPeriod()}), on
     * Sockeye's heartbeat thread, which pings every connection of the application: keep the handler
     * short and hand longer work to an executor of your own.
     */
    void onPing(Runnable handler);

    /** Called each time a pong arrives from the peer. */
    void onPong(Runnable handler);

    /**
     * Reports a problem to this connection's error listeners, as if Sockeye had met it (Iris's
     * {@code FireOnError}). Nothing is sent to the peer and the connection stays open.
     */
    void fireError(Throwable problem);

    /** @return this connection's typed value store (Iris's {@code SetValue}/{@code GetValue}) */
    ConnectionValues values();

    /**
     * Emits from this connection's point of view: {@code to(Target.allExcept(this))} is Iris's
     * {@code To(websocket.Broadcast)}.
     *
     * @param target who receives
     * @return an emitter for that target; cheap, may be kept or discarded
     */
    Emitter to(Target target);

    /**
     * Joins a room, creating it if needed.
     *
     * @return {@code true} if the connection joined, {@code false} if it was already a member or is closed
     */
    boolean join(String room);

    /**
     * Leaves a room; the leave listeners are called if it was a member. A room left empty disappears.
     *
     * @return {@code true} if the connection was a member
     */
    boolean leave(String room);

    /** @return whether this connection is currently a member of {@code room} */
    boolean isJoined(String room);

    /** @return an immutable snapshot of the rooms this connection is in, its own ID room included */
    Set<String> rooms();

    /** @return {@code false} once the connection has started to end */
    boolean isOpen();

    /**
     * Ends the connection with close code 1000: leave events, disconnect listeners, then the close
     * frame. A second call does nothing but return a stage failed with a
     * {@link ConnectionClosedException} saying "already disconnected".
     *
     * @return a stage that completes once the disconnect listeners have run and the close frame is sent
     */
    CompletionStage<Void> disconnect();

    /** @return the registry of the endpoint this connection belongs to */
    ConnectionRegistry registry();
}
