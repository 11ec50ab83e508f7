package dev.sockeye.client;

import dev.sockeye.ConnectionClosedException;
import dev.sockeye.Emitter;
import dev.sockeye.MalformedFrameException;
import dev.sockeye.PayloadType;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.codec.PayloadDecoder;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A Java client of a Sockeye (or Iris) endpoint: the same vocabulary as the server's
 * {@link dev.sockeye.Connection}, from the other side of the socket.
 * <pre>{@code
 * SockeyeClient client = SockeyeClient.create(URI.create("ws://127.0.0.1:8080/chat"), ClientOptions.defaults());
 * client.on("chat", String.class, message -> System.out.println(message));
 * client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
 * client.emit("chat", "hello");
 * client.close();
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * {@link #create} makes an unconnected client ({@link ClientState#NEW}): register the listeners,
 * then {@link #connect()}. Listeners registered before {@code connect()} see every message,
 * including those the server emits as soon as the connection opens. A lost connection ends in
 * {@link ClientState#CLOSED}, unless {@link ClientOptions#reconnect()} allows new attempts
 * ({@link ClientState#RECONNECTING}). {@link #disconnect()} or {@link #close()} ends the client for
 * good. A client connects at most once through {@code connect()}; make a new client to start over.
 *
 * <h2>Sending</h2>
 * Emits go through one outbound queue with a single writer, so any number of threads may emit
 * concurrently: frames are never interleaved, and the frames of one thread keep their order.
 * Emits made while the client is new, connecting or reconnecting wait in the queue (up to
 * {@link ClientOptions#maxQueuedBytes()}) and are written, in order, as soon as a connection opens.
 * Each emit's stage completes when its frame is written, or fails: with
 * {@link ConnectionClosedException} once the client is closed (queued frames included), with
 * {@link dev.sockeye.OutboundOverflowException} when the queue is full, or with the write's error
 * (a frame whose write failed because the connection broke is not sent again).
 *
 * <h2>Receiving</h2>
 * Payloads are decoded into the declared type exactly as the server decodes what clients send (see
 * {@link dev.sockeye.Connection#on(String, Class, Consumer)}). Listeners run on the container's
 * thread, one message at a time; they must not block for long. A listener that throws, a payload
 * that cannot be decoded and a malformed frame reach the {@linkplain #onError error listeners}
 * (without any, they are logged) and never close the connection. Events without listeners are
 * ignored.
 *
 * <p>Thread-safety: every method may be called from any thread at any time.
 */
public final class SockeyeClient implements Emitter, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SockeyeClient.class.getName());

    private final URI uri;
    private final ClientOptions options;
    private final IrisCodec codec;
    private final ClientListeners listeners;
    private final Outbox outbox;
    private final WebSocketContainer container;
    private final ClientEndpointConfig endpointConfig;
    private final CompletableFuture<SockeyeClient> firstConnect = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private final Object lock = new Object();
    private ClientState state = ClientState.NEW;
    /** Identifies the current connection attempt; a bigger number makes older attempts stale. */
    private long generation;
    private Session session;
    /** Failed attempts in a row since the connection was lost. */
    private int failedAttempts;
    private Future<?> timer;

    private SockeyeClient(URI uri, ClientOptions options) {
        this.uri = uri;
        this.options = options;
        Jsonb jsonb = SharedJsonb.INSTANCE;
        this.codec = new IrisCodec(options.messagePrefix(), options.binaryMessages(), jsonb);
        this.listeners = new ClientListeners(new PayloadDecoder(jsonb));
        this.outbox = new Outbox(options.maxQueuedBytes());
        this.container = options.container().orElseGet(ClientThreads::defaultContainer);
        this.endpointConfig = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(options.subprotocols())
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.putAll(options.headers());
                    }
                })
                .build();
    }

    /**
     * Creates a client; it does not connect yet.
     *
     * @param uri     the endpoint, {@code ws://host:port/path} or {@code wss://...}; not {@code null}
     * @param options the settings; not {@code null}
     * @return a new client in state {@link ClientState#NEW}
     * @throws IllegalArgumentException if the URI's scheme is not {@code ws} or {@code wss}
     */
    public static SockeyeClient create(URI uri, ClientOptions options) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the endpoint URI must start with ws:// or wss://: " + uri);
        }
        return new SockeyeClient(uri, options);
    }

    /**
     * Opens the connection. Only the first call starts an attempt; later calls return the same stage.
     *
     * @return a stage that completes with this client once the connection is open, or fails with the
     *         first attempt's error ({@link TimeoutException} after {@link ClientOptions#connectTimeout()});
     *         the client is then {@link ClientState#CLOSED}: reconnecting applies to connections that
     *         were open once
     */
    public CompletionStage<SockeyeClient> connect() {
        synchronized (lock) {
            if (state != ClientState.NEW) {
                return firstConnect;
            }
            state = ClientState.CONNECTING;
        }
        attempt();
        return firstConnect;
    }

    /**
     * Listens to an event and decodes its payload into {@code type}, as the server does. A payload
     * that cannot become {@code type} reaches the error listeners as a
     * {@link dev.sockeye.PayloadDecodeException}; the handler is not called.
     *
     * @param event   the event name; not {@code null} or empty, without {@code ';'}
     * @param type    the payload class; primitive classes mean their wrappers
     * @param handler called with the decoded payload; not {@code null}
     */
    public <T> void on(String event, Class<T> type, Consumer<? super T> handler) {
        listeners.onEvent(event, PayloadType.of(type), handler);
    }

    /** Listens to an event whose payload is a generic type, such as {@code new PayloadType<List<Message>>() {}}. */
    public <T> void on(String event, PayloadType<T> type, Consumer<? super T> handler) {
        listeners.onEvent(event, type, handler);
    }

    /** Listens to an event and ignores its payload. */
    public void on(String event, Runnable handler) {
        listeners.onEvent(event, handler);
    }

    /** Listens to native messages (frames without the event prefix); the handler gets its own copy of the bytes. */
    public void onMessage(Consumer<byte[]> handler) {
        listeners.onNative(handler);
    }

    /** Called each time a connection opens: once after {@link #connect()}, and after every reconnect. */
    public void onConnect(Runnable handler) {
        listeners.onConnect(handler);
    }

    /** Called each time a connection closes, whoever closed it, with the close code and reason. */
    public void onDisconnect(Consumer<CloseReason> handler) {
        listeners.onDisconnect(handler);
    }

    /**
     * Called with every problem: a listener that threw, a payload that could not be decoded, a
     * malformed frame, a failed connection attempt, a transport error. Without error listeners
     * such problems are logged.
     */
    public void onError(Consumer<Throwable> handler) {
        listeners.onError(handler);
    }

    /**
     * Emits an event, encoded as the server encodes its own emits: text (type 0), integral numbers
     * (1), booleans (2), {@code byte[]} and {@code ByteBuffer} (3), anything else as JSON (4).
     *
     * @throws IllegalArgumentException if the event name is empty or contains {@code ';'}
     * @throws jakarta.json.bind.JsonbException if JSON-B cannot serialize the value
     */
    @Override
    public CompletionStage<Void> emit(String event, Object value) {
        return outbox.offer(codec.encodeEvent(event, value));
    }

    /** Sends a native message: the bytes unchanged, outside the event protocol. */
    @Override
    public CompletionStage<Void> emitMessage(byte[] message) {
        return outbox.offer(codec.encodeNative(message));
    }

    /** @return the current state; it may change right after the call */
    public ClientState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** @return the endpoint URI */
    public URI uri() {
        return uri;
    }

    /** @return the options the client was created with */
    public ClientOptions options() {
        return options;
    }

    /**
     * Ends the client: no more reconnects; the frames already queued are written, then the
     * connection closes with code 1000 and the disconnect listeners run. Emits made after this
     * call fail with {@link ConnectionClosedException}. A second call does nothing but return a
     * stage failed with a {@link ConnectionClosedException} saying "already disconnected".
     *
     * @return a stage that completes once the connection is closed (at once when none is open)
     */
    public CompletionStage<Void> disconnect() {
        Session open;
        ClientState before;
        synchronized (lock) {
            before = state;
            if (before == ClientState.CLOSED) {
                return CompletableFuture.failedFuture(new ConnectionClosedException("already disconnected"));
            }
            state = ClientState.CLOSED;
            generation++;
            cancelTimer();
            open = session;
        }
        ConnectionClosedException refusal = new ConnectionClosedException("the client was disconnected");
        if (open == null) {
            outbox.close(refusal);
            firstConnect.completeExceptionally(refusal);
            closed.complete(null);
        } else {
            outbox.shutdown(refusal).whenComplete((ignored, failure) -> closeQuietly(open,
                    new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client disconnect")));
        }
        return closed;
    }

    /**
     * {@link #disconnect()} and waits for it, at most {@link ClientOptions#connectTimeout()}. Does
     * nothing when the client is already closed.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (state == ClientState.CLOSED) {
                return;
            }
        }
        try {
            disconnect().toCompletableFuture().get(options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "Sockeye client: close did not finish cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "SockeyeClient[" + uri + ", " + state() + "]";
    }

    private void attempt() {
        long attempt;
        synchronized (lock) {
            attempt = ++generation;
            timer = ClientThreads.scheduler().schedule(() -> attemptFailed(attempt,
                            new TimeoutException("no connection to " + uri + " within " + options.connectTimeout())),
                    options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        ClientThreads.connector().execute(() -> open(attempt, TRANSPORT_RACE_RETRIES));
    }

    /**
     * How many times one attempt repeats {@code connectToServer} after the transport race of
     * {@link #isTransportRace}: about one connect in a few thousand hits it on Tyrus's Grizzly
     * client, and the next try succeeds.
     */
    static final int TRANSPORT_RACE_RETRIES = 2;

    private void open(long attempt, int retriesLeft) {
        try {
            container.connectToServer(new Socket(attempt), endpointConfig, uri);
        } catch (Exception | LinkageError e) {
            if (retriesLeft > 0 && isTransportRace(e) && stillAttempting(attempt)) {
                LOG.log(System.Logger.Level.DEBUG, "Sockeye client: the transport lost a connect to " + uri
                        + "; trying again within the same attempt", e);
                open(attempt, retriesLeft - 1);
                return;
            }
            attemptFailed(attempt, e);
        }
    }

    /**
     * Tyrus's Grizzly client sometimes completes a TCP connect with no connection (Grizzly's
     * connect future yields {@code null} and {@code GrizzlyClientSocket} fails with a
     * {@link NullPointerException}, which {@code ClientManager} wraps in a
     * {@link jakarta.websocket.DeploymentException}). Nothing is wrong with the server or the
     * address: the connect is simply repeated. Should the lost connect still open a session, it
     * arrives for an attempt that is no longer waiting and is closed (see {@link #opened}).
     */
    static boolean isTransportRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NullPointerException npe && thrownByGrizzly(npe)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean thrownByGrizzly(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith("org.glassfish.tyrus.container.grizzly.");
    }

    private boolean stillAttempting(long attempt) {
        synchronized (lock) {
            return attempt == generation && (state == ClientState.CONNECTING || state == ClientState.RECONNECTING);
        }
    }

    /** A connection attempt failed or timed out; the next attempt or the end follows. */
    private void attemptFailed(long attempt, Throwable cause) {
        boolean end;
        synchronized (lock) {
            if (attempt != generation || (state != ClientState.CONNECTING && state != ClientState.RECONNECTING)) {
                return; // stale, or it opened meanwhile
            }
            generation++; // an open that arrives late is closed at once
            cancelTimer();
            failedAttempts++;
            end = state == ClientState.CONNECTING || failedAttempts >= options.reconnect().maxAttempts();
            if (end) {
                state = ClientState.CLOSED;
            } else {
                scheduleAttempt(failedAttempts + 1);
            }
        }
        listeners.error(cause);
        if (end) {
            terminate(cause);
        }
    }

    private void scheduleAttempt(int number) {
        long delay = options.reconnect().delayBefore(number, ThreadLocalRandom.current().nextDouble()).toNanos();
        timer = ClientThreads.scheduler().schedule(this::attempt, delay, TimeUnit.NANOSECONDS);
    }

    private void opened(long attempt, Session opened) {
        synchronized (lock) {
            if (attempt != generation || (state != ClientState.CONNECTING && state != ClientState.RECONNECTING)) {
                // stale, closed, or a second session of one attempt (see isTransportRace)
                closeQuietly(opened, new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client gave up this attempt"));
                return;
            }
            cancelTimer();
            session = opened;
            state = ClientState.OPEN;
            failedAttempts = 0;
        }
        opened.setMaxTextMessageBufferSize(options.maxMessageSize());
        opened.setMaxBinaryMessageBufferSize(options.maxMessageSize());
        opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::receiveText);
        opened.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::receiveBinary);
        outbox.attach(writer(opened));
        listeners.connected();
        firstConnect.complete(this);
    }

    private void closedBy(Session gone, CloseReason reason) {
        boolean end;
        synchronized (lock) {
            if (gone != session) {
                return; // a stale attempt's session
            }
            session = null;
            outbox.detach();
            if (state == ClientState.CLOSED) {
                end = true;
            } else if (options.reconnect().enabled() && mayReconnectAfter(reason.getCloseCode().getCode())) {
                end = false;
                state = ClientState.RECONNECTING;
                failedAttempts = 0;
                scheduleAttempt(1);
            } else {
                end = true;
                state = ClientState.CLOSED;
            }
        }
        listeners.disconnected(reason);
        if (end) {
            terminate(new ConnectionClosedException("the connection closed (" + reason.getCloseCode().getCode()
                    + (reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase()) + ")"));
        }
    }

    private void terminate(Throwable cause) {
        ConnectionClosedException closedCause = cause instanceof ConnectionClosedException c ? c
                : new ConnectionClosedException("the client could not connect: " + cause);
        outbox.close(closedCause);
        firstConnect.completeExceptionally(cause);
        closed.complete(null);
    }

    /** 1000: the server ended the conversation on purpose; 1008: it refuses this client by policy. */
    private static boolean mayReconnectAfter(int closeCode) {
        return closeCode != CloseReason.CloseCodes.NORMAL_CLOSURE.getCode()
                && closeCode != CloseReason.CloseCodes.VIOLATED_POLICY.getCode();
    }

    private void receiveText(String frame) {
        try {
            listeners.dispatch(codec.decode(frame));
        } catch (MalformedFrameException e) {
            listeners.error(e);
        }
    }

    private void receiveBinary(ByteBuffer frame) {
        try {
            listeners.dispatch(codec.decode(frame));
        } catch (MalformedFrameException e) {
            listeners.error(e);
        }
    }

    private Outbox.Writer writer(Session target) {
        RemoteEndpoint.Async remote = target.getAsyncRemote();
        if (!options.writeTimeout().isZero()) {
            remote.setSendTimeout(options.writeTimeout().toMillis());
        }
        return (frame, done) -> {
            SendHandler handler = result -> done.accept(result.isOK() ? null : result.getException());
            if (frame instanceof OutboundFrame.Text text) {
                remote.sendText(text.text(), handler);
            } else if (frame instanceof OutboundFrame.Binary binary) {
                remote.sendBinary(binary.payload(), handler);
            } else {
                done.accept(new IllegalStateException("a client does not send " + frame));
            }
        };
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static void closeQuietly(Session target, CloseReason reason) {
        try {
            target.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Sockeye client: closing a session failed", e);
        }
    }

    /** The Jakarta endpoint of one connection attempt. */
    private final class Socket extends Endpoint {
        private final long attempt;

        Socket(long attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            opened(attempt, opened);
        }

        @Override
        public void onClose(Session gone, CloseReason reason) {
            closedBy(gone, reason);
        }

        @Override
        public void onError(Session failed, Throwable problem) {
            listeners.error(problem);
        }
    }

    /** One JSON-B instance for every client: it is thread-safe and costly to create. */
    private static final class SharedJsonb {
        static final Jsonb INSTANCE = JsonbBuilder.create();
    }
}
