package dev.sockeye.tck.it;

import dev.sockeye.tck.TestClient;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal neffos client for the container tests, speaking the frames of wire protocols §2 over a
 * raw {@link TestClient}: the {@code M} / {@code A<id>} handshake, namespace connects, emits and
 * asks. Text bodies only; it is no substitute for neffos.js, whose own tests run against the
 * embedded server (clients/neffos-tests).
 */
final class NeffosWireClient implements AutoCloseable {

    private static final String SEMICOLON = "@%!semicolon@%!";

    /** A received message frame: {@code <token>;<namespace>;<room>;<event>;<isError>;<isNoOp>;<body>}. */
    record Frame(String token, String namespace, String room, String event, boolean isError, String body) {

        static Frame parse(String text) {
            String[] fields = text.split(";", 7);
            if (fields.length != 7) {
                throw new AssertionError("not a neffos message frame: " + text);
            }
            return new Frame(fields[0], unescape(fields[1]), unescape(fields[2]), unescape(fields[3]),
                    "1".equals(fields[4]), fields[6]);
        }
    }

    private final TestClient socket;
    private final String id;
    private final AtomicLong waits = new AtomicLong();

    private NeffosWireClient(TestClient socket, String id) {
        this.socket = socket;
        this.id = id;
    }

    /** Opens the socket and completes the handshake: sends {@code M}, expects {@code A<id>}. */
    static NeffosWireClient dial(URI uri) throws Exception {
        TestClient socket = TestClient.connect(uri);
        socket.send("M");
        String ack = socket.next();
        if (!ack.startsWith("A")) {
            socket.close();
            throw new AssertionError("expected the acknowledgement A<id>, got: " + ack);
        }
        return new NeffosWireClient(socket, ack.substring(1));
    }

    /** @return the connection ID of the acknowledgement */
    String id() {
        return id;
    }

    /** Connects a namespace as neffos.js does: an ask of {@code _OnNamespaceConnect}. */
    Frame connect(String namespace) throws Exception {
        return ask(namespace, "_OnNamespaceConnect", "");
    }

    /** Emits {@code ;<namespace>;;<event>;0;0;<body>}. */
    void emit(String namespace, String event, String body) throws Exception {
        socket.send(frame("", namespace, event, body));
    }

    /** Asks with a client wait token ({@code $<n>}) and returns the reply with that token. */
    Frame ask(String namespace, String event, String body) throws Exception {
        String wait = "$" + waits.incrementAndGet();
        socket.send(frame(wait, namespace, event, body));
        while (true) {
            Frame frame = next();
            if (frame.token().equals(wait)) {
                return frame;
            }
        }
    }

    /** @return the next message frame */
    Frame next() throws Exception {
        return Frame.parse(socket.next());
    }

    private static String frame(String wait, String namespace, String event, String body) {
        return wait + ";" + escape(namespace) + ";;" + escape(event) + ";0;0;" + body;
    }

    private static String escape(String field) {
        return field.replace(";", SEMICOLON);
    }

    private static String unescape(String field) {
        return field.replace(SEMICOLON, ";");
    }

    @Override
    public void close() throws Exception {
        socket.close();
    }
}
