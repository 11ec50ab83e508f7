package dev.sockeye.tck;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket client done by hand over a plain {@link Socket}, for what a well-behaved client
 * library will not do: read the exact HTTP status of a refused upgrade, drop the TCP connection
 * without a close frame, leave pings unanswered, or stop reading altogether so that the TCP
 * receive window fills.
 *
 * <p>After {@link #upgrade} nothing is read from the socket: a client that never calls
 * {@link #readFrames(boolean)} has stopped reading. {@code readFrames} starts one reader thread that
 * records every frame with its arrival time and, if asked, answers pings. Frames sent by this
 * client are masked, as RFC 6455 requires of clients.
 */
public final class RawWebSocket implements AutoCloseable {

    /** Frame opcodes (RFC 6455 §5.2). */
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    /**
     * One frame received from the server, with {@link System#nanoTime()} at its arrival; {@code rsv1}
     * marks a compressed message under permessage-deflate.
     */
    public record Frame(int opcode, boolean fin, boolean rsv1, byte[] payload, long arrivalNanos) {

        /** @return the UTF-8 text of the payload */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** @return the status code of a close frame, 1005 (no status) if it carries none */
        public int closeCode() {
            if (opcode != CLOSE) {
                throw new IllegalStateException("not a close frame: opcode " + opcode);
            }
            return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        @Override
        public String toString() {
            return "Frame[opcode " + opcode + ", " + payload.length + " bytes"
                    + (opcode == CLOSE ? ", code " + closeCode() : "") + "]";
        }
    }

    private final Socket socket;
    private final String statusLine;
    private final Map<String, String> responseHeaders;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Frame> closeFrame = new CompletableFuture<>();
    /** Completes when the server ends the TCP connection (end of stream or reset). */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicInteger pingsReceived = new AtomicInteger();
    private final AtomicInteger pongsSent = new AtomicInteger();
    private final AtomicLong payloadBytesReceived = new AtomicLong();
    private volatile Thread reader;

    private RawWebSocket(Socket socket, String statusLine, Map<String, String> responseHeaders) {
        this.socket = socket;
        this.statusLine = statusLine;
        this.responseHeaders = responseHeaders;
    }

    /**
     * Sends an upgrade request for {@code uri} (a {@code ws://127.0.0.1:<port>/...} address) with a
     * correct {@code Host} header plus {@code extraHeaders}, and reads the response head.
     */
    public static RawWebSocket upgrade(URI uri, Map<String, String> extraHeaders) throws IOException {
        return upgrade(uri, extraHeaders, 0);
    }

    /**
     * As {@link #upgrade(URI, Map)}, with the socket's receive buffer set to
     * {@code receiveBufferBytes} before connecting (0: the operating system's default, which Linux
     * grows automatically up to {@code net.ipv4.tcp_rmem}'s maximum). A small fixed buffer keeps
     * the TCP window small, so that a client that stops reading stalls the server's writes after
     * little data.
     */
    public static RawWebSocket upgrade(URI uri, Map<String, String> extraHeaders, int receiveBufferBytes)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        // the upgrade's answer may take as long as a frame (a container's first use of an endpoint)
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(Math.max(5, TestClient.WAIT_SECONDS)));
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String head = readHead(socket.getInputStream());
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new RawWebSocket(socket, lines[0], headers);
    }

    /** Reads up to and including the blank line that ends the HTTP response head, byte by byte so no frame is consumed. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** @return the HTTP status code of the upgrade response, for example 101 or 403 */
    public int status() {
        String[] parts = statusLine.split(" ");
        return Integer.parseInt(parts[1]);
    }

    public String statusLine() {
        return statusLine;
    }

    /** @return a response header, by lower-case name */
    public String header(String lowerCaseName) {
        return responseHeaders.get(lowerCaseName);
    }

    /**
     * Starts reading frames on a daemon thread: every frame is recorded (see {@link #nextFrame});
     * pings are counted and, if {@code answerPings}, answered with a pong carrying the same payload;
     * a close frame is answered with a close frame of the same code, as RFC 6455 asks. Reading goes
     * on until the server ends the TCP connection. Call it at most once.
     */
    public void readFrames(boolean answerPings) throws IOException {
        if (reader != null) {
            throw new IllegalStateException("already reading");
        }
        socket.setSoTimeout(0);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        Thread thread = new Thread(() -> readLoop(in, answerPings), "raw-websocket-reader");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    private void readLoop(DataInputStream in, boolean answerPings) {
        try {
            while (true) {
                Frame frame = readFrame(in);
                payloadBytesReceived.addAndGet(frame.payload().length);
                if (frame.opcode() == PING) {
                    pingsReceived.incrementAndGet();
                    if (answerPings) {
                        sendPong(frame.payload());
                    }
                } else if (frame.opcode() == CLOSE && !closeFrame.isDone()) {
                    closeFrame.complete(frame);
                    sendFrame(CLOSE, false, java.util.Arrays.copyOf(frame.payload(), Math.min(2, frame.payload().length)));
                }
                frames.add(frame);
            }
        } catch (IOException | RuntimeException e) {
            ended.complete(null);
        }
    }

    private static Frame readFrame(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException();
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if ((second & 0x80) != 0) {
            throw new IOException("the server masked a frame");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("frame too long for a test: " + length);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, (first & 0x80) != 0, (first & 0x40) != 0, payload, System.nanoTime());
    }

    /** @return the next recorded frame (pings and close frames included), or {@code null} after {@code wait} */
    public Frame nextFrame(Duration wait) throws InterruptedException {
        return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the next recorded text or binary frame within {@code wait}, skipping control frames, or {@code null} */
    public Frame nextDataFrame(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null || frame.opcode() == TEXT || frame.opcode() == BINARY) {
                return frame;
            }
        }
    }

    /** @return the close frame the server sent; completes once it has been read */
    public CompletableFuture<Frame> closeFrame() {
        return closeFrame;
    }

    /** @return completes when the server has ended the TCP connection and the reader has stopped */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** @return the pings received so far */
    public int pingsReceived() {
        return pingsReceived.get();
    }

    /** @return the pongs sent so far, in answer to pings or by {@link #sendPong} */
    public int pongsSent() {
        return pongsSent.get();
    }

    /** @return the payload bytes of every frame read so far */
    public long payloadBytesReceived() {
        return payloadBytesReceived.get();
    }

    /** Sends one masked text frame. */
    public void sendText(String text) throws IOException {
        sendFrame(TEXT, false, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked pong frame (solicited or not: RFC 6455 allows unsolicited pongs as heartbeats). */
    public void sendPong(byte[] payload) throws IOException {
        sendFrame(PONG, false, payload);
        pongsSent.incrementAndGet();
    }

    /** Sends one masked close frame with {@code code}. */
    public void sendClose(int code) throws IOException {
        sendFrame(CLOSE, false, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /**
     * Sends one masked, final frame as it is: {@code rsv1} marks a compressed message under
     * permessage-deflate, whose {@code payload} must then be the deflated bytes.
     */
    public synchronized void sendFrame(int opcode, boolean rsv1, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | (rsv1 ? 0x40 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        OutputStream out = socket.getOutputStream();
        frame.writeTo(out);
        out.flush();
    }

    /** Drops the TCP connection with a reset (SO_LINGER 0): no close frame, no orderly FIN. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Closes the TCP connection in an orderly way (FIN) but without a WebSocket close frame. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
