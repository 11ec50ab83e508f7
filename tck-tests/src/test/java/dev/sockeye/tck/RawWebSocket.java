package dev.sockeye.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket handshake done by hand over a plain {@link Socket}, for what a well-behaved client
 * library will not do: read the exact HTTP status of a refused upgrade, or drop the TCP connection
 * without a close frame.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final String statusLine;
    private final Map<String, String> responseHeaders;

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
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        socket.setSoTimeout(5000);
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
