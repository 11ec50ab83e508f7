package dev.sockeye.neffos.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket (the JDK's client) that writes neffos frames by hand, for what neffos.js never
 * sends: malformed frames, error flags, odd wait tokens. It completes the {@code M} / {@code A<id>}
 * handshake when opened and then hands over every frame the server sends, in order.
 */
final class RawNeffosSocket implements AutoCloseable {

    /** A frame from the server: {@code text} for a text frame, else {@code bytes}. */
    record Frame(String text, byte[] bytes) {

        boolean isText() {
            return text != null;
        }

        /** @return the text, or the bytes read as UTF-8 */
        String content() {
            return text != null ? text : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private final String id;

    private RawNeffosSocket(URI uri) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    frames.add(new Frame(text.toString(), null));
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                binary.writeBytes(chunk);
                if (last) {
                    frames.add(new Frame(null, binary.toByteArray()));
                    binary.reset();
                }
                webSocket.request(1);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        send("M");
        String ack = next().content();
        if (!ack.startsWith("A")) {
            throw new AssertionError("expected the acknowledgement A<id>, got " + ack);
        }
        id = ack.substring(1);
    }

    /** Opens a socket and completes the neffos handshake. */
    static RawNeffosSocket open(URI uri) throws Exception {
        return new RawNeffosSocket(uri);
    }

    /** @return the connection ID the server acknowledged */
    String id() {
        return id;
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    void send(byte[] bytes) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).get(5, TimeUnit.SECONDS);
    }

    /** @return the next frame from the server; fails after 5 s */
    Frame next() throws InterruptedException {
        Frame frame = frames.poll(5, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame from the server within 5 s");
        }
        return frame;
    }

    /** @return the next frame's content (text, or the bytes as UTF-8) */
    String nextContent() throws InterruptedException {
        return next().content();
    }

    /** Connects a namespace with an ask ({@code $c<namespace>}) and checks its empty reply. */
    void connect(String namespace) throws Exception {
        String wait = "$c" + namespace;
        send(wait + ";" + namespace + ";;_OnNamespaceConnect;0;0;");
        String reply = nextContent();
        if (!reply.equals(wait + ";;;;;;")) {
            throw new AssertionError("the connect of '" + namespace + "' was answered " + reply);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
