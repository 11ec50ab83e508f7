package dev.sockeye.cluster.redis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) that records text frames; learns its ID from the first frame. */
final class WsClient implements AutoCloseable {

    static final String PREFIX = "iris-websocket-message:";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    final String id;

    WsClient(URI uri) throws Exception {
        StringBuilder partial = new StringBuilder();
        socket = HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        String first = next();
        if (!first.startsWith(PREFIX + "id;0;")) {
            throw new AssertionError("expected the id frame, got " + first);
        }
        id = first.substring((PREFIX + "id;0;").length());
    }

    void emit(String event, String text) {
        socket.sendText(PREFIX + event + ";0;" + text, true).join();
    }

    String next() throws InterruptedException {
        String frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return frame;
    }

    String poll(Duration wait) throws InterruptedException {
        return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }

    void abort() {
        socket.abort();
    }
}
