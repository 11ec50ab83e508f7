package dev.sockeye.cluster.redis;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;

/** A real WebSocket client (the JDK's) that records text frames; learns its ID from the first frame. */
final class WsClient implements AutoCloseable {

    static final String PREFIX = "iris-websocket-message:";

    private final TextFrames frames = new TextFrames();
    private final WebSocket socket;
    final String id;

    WsClient(URI uri) throws Exception {
        socket = TextFrames.open(uri, frames);
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
        return frames.next();
    }

    String poll(Duration wait) throws InterruptedException {
        return frames.poll(wait);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }

    void abort() {
        socket.abort();
    }
}
