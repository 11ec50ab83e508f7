package dev.sockeye.tck;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A raw WebSocket client for tests (Tyrus client): it records every frame it receives and how the
 * connection closed. Speaks the Iris protocol by hand so that tests assert the exact bytes.
 */
public final class TestClient implements AutoCloseable {

    public static final String PREFIX = "iris-websocket-message:";
    private static final WebSocketContainer CONTAINER = Clients.shared();

    /**
     * How to connect.
     *
     * @param headers      extra handshake request headers
     * @param extensions   the extensions to offer, for example Tyrus's {@code PerMessageDeflateExtension}
     * @param textListener if not {@code null}, told every text frame on arrival (on the container's
     *                     thread) instead of recording it, so that a test can time arrivals and a
     *                     long-running client keeps no backlog
     */
    public record Options(Map<String, List<String>> headers, List<Extension> extensions,
                          Consumer<String> textListener) {

        public static Options defaults() {
            return new Options(Map.of(), List.of(), null);
        }

        public Options withExtensions(List<Extension> extensions) {
            return new Options(headers, extensions, textListener);
        }

        public Options withTextListener(Consumer<String> textListener) {
            return new Options(headers, extensions, textListener);
        }
    }

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> binaryFrames = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final Session session;

    private TestClient(URI uri, Options options) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .extensions(options.extensions())
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> requestHeaders) {
                        requestHeaders.putAll(options.headers());
                    }
                }).build();
        Consumer<String> textListener = options.textListener() == null ? frames::add : options.textListener();
        this.session = CONTAINER.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig c) {
                s.setMaxTextMessageBufferSize(16 * 1024 * 1024);
                s.setMaxBinaryMessageBufferSize(16 * 1024 * 1024);
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) textListener::accept);
                s.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) b -> {
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    // recorded before it is handed out, so that drain() after nextBinary() sees it
                    frames.add("binary:" + new String(bytes, StandardCharsets.UTF_8));
                    binaryFrames.add(bytes);
                });
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
            }

            @Override
            public void onError(Session s, Throwable t) {
                closed.complete(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, String.valueOf(t)));
            }
        }, config, uri);
    }

    public static TestClient connect(URI uri) throws Exception {
        return new TestClient(uri, Options.defaults());
    }

    public static TestClient connect(URI uri, Map<String, List<String>> headers) throws Exception {
        return new TestClient(uri, new Options(headers, List.of(), null));
    }

    public static TestClient connect(URI uri, Options options) throws Exception {
        return new TestClient(uri, options);
    }

    /** Sends {@code <prefix><event>;<type>;<payload>} as the Iris client would. */
    public void emit(String event, int type, String payload) throws Exception {
        send(PREFIX + event + ";" + type + ";" + payload);
    }

    public void send(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    /** Sends one text message as several WebSocket frames (a first frame and continuations). */
    public void sendFragments(String... parts) throws Exception {
        for (int i = 0; i < parts.length; i++) {
            session.getBasicRemote().sendText(parts[i], i == parts.length - 1);
        }
    }

    public void sendBinary(byte[] bytes) throws Exception {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
    }

    /**
     * How long {@link #next()}, {@link #nextBinary()} and {@link #awaitClose()} wait: 5 seconds, or
     * the system property {@code sockeye.test.frameWaitSeconds} (the container suites raise it: a
     * container's first use of a class can take longer on a loaded 2-core machine).
     */
    static final long WAIT_SECONDS = Long.getLong("sockeye.test.frameWaitSeconds", 5);

    /** @return the next frame, failing the test if none arrives within 5 seconds (see {@link #WAIT_SECONDS}) */
    public String next() throws InterruptedException {
        String frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame received within " + WAIT_SECONDS + " s");
        }
        return frame;
    }

    /**
     * @return the exact bytes of the next binary frame, failing the test if none arrives within 5
     *         seconds; binary frames are also recorded as {@code "binary:<utf8>"} by {@link #next()}
     */
    public byte[] nextBinary() throws InterruptedException {
        byte[] frame = binaryFrames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no binary frame received within " + WAIT_SECONDS + " s");
        }
        return frame;
    }

    /** @return the next frame if one arrives within {@code wait}, else {@code null} */
    public String poll(Duration wait) throws InterruptedException {
        return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return every frame received so far, removing them */
    public List<String> drain() {
        List<String> all = new ArrayList<>();
        frames.drainTo(all);
        return all;
    }

    public CloseReason awaitClose() throws Exception {
        return closed.get(Math.max(10, WAIT_SECONDS), TimeUnit.SECONDS);
    }

    /** @return how the connection closed, if it has */
    public java.util.Optional<CloseReason> closeReason() {
        return java.util.Optional.ofNullable(closed.getNow(null));
    }

    /** @return the names of the extensions the server agreed to, in the order it answered */
    public List<String> negotiatedExtensions() {
        return session.getNegotiatedExtensions().stream().map(Extension::getName).toList();
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
