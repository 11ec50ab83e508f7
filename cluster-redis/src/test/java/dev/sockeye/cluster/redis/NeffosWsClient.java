package dev.sockeye.cluster.redis;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal neffos client over the JDK's WebSocket, speaking the text frames of wire protocols §2:
 * the {@code M} / {@code A<id>} handshake, namespace connects and room joins (asks whose empty reply
 * it waits for), and emits. Escaping is left out: the tests use names without {@code ;}. The real
 * neffos.js runs in clients/neffos-tests; this one only has to reach nodes of a cluster from Java.
 */
final class NeffosWsClient implements AutoCloseable {

    /** A message frame: {@code <token>;<namespace>;<room>;<event>;<isError>;<isNoOp>;<body>}. */
    record Frame(String token, String namespace, String room, String event, boolean error, String body) {

        static Frame parse(String text) {
            String[] fields = text.split(";", 7);
            if (fields.length != 7) {
                throw new AssertionError("not a neffos message frame: " + text);
            }
            return new Frame(fields[0], fields[1], fields[2], fields[3], "1".equals(fields[4]), fields[6]);
        }
    }

    private final TextFrames frames = new TextFrames();
    private final AtomicLong waits = new AtomicLong();
    private final WebSocket socket;
    final String id;

    /** Opens the socket and completes the handshake: sends {@code M}, expects {@code A<id>}. */
    NeffosWsClient(URI uri) throws Exception {
        socket = TextFrames.open(uri, frames);
        send("M");
        String ack = frames.next();
        if (!ack.startsWith("A")) {
            throw new AssertionError("expected the acknowledgement A<id>, got " + ack);
        }
        id = ack.substring(1);
    }

    /** Connects a namespace as neffos.js does: an ask of {@code _OnNamespaceConnect}. */
    void connect(String namespace) throws Exception {
        expectEmptyReply(ask(namespace, "", "_OnNamespaceConnect"));
    }

    /** Joins a room of a connected namespace: an ask of {@code _OnRoomJoin}. */
    void joinRoom(String namespace, String room) throws Exception {
        expectEmptyReply(ask(namespace, room, "_OnRoomJoin"));
    }

    /** Emits {@code ;<namespace>;<room>;<event>;0;0;<body>}. */
    void emit(String namespace, String room, String event, String body) {
        send(";" + namespace + ";" + room + ";" + event + ";0;0;" + body);
    }

    private Frame ask(String namespace, String room, String event) throws Exception {
        String wait = "$" + waits.incrementAndGet();
        send(wait + ";" + namespace + ";" + room + ";" + event + ";0;0;");
        while (true) {
            Frame frame = next();
            if (frame.token().equals(wait)) {
                return frame;
            }
        }
    }

    private static void expectEmptyReply(Frame reply) {
        if (reply.error() || !reply.event().isEmpty()) {
            throw new AssertionError("expected an empty reply, got " + reply);
        }
    }

    /** @return the next message frame; fails after 10 s */
    Frame next() throws InterruptedException {
        return Frame.parse(frames.next());
    }

    /** @return the next message frame within {@code wait}, or {@code null} */
    Frame poll(Duration wait) throws InterruptedException {
        String text = frames.poll(wait);
        return text == null ? null : Frame.parse(text);
    }

    private void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
}
