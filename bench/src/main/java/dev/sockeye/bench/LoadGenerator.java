package dev.sockeye.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A load generator JVM: many WebSocket clients (the JDK's {@code java.net.http.WebSocket}, spread
 * over a few {@link HttpClient}s) driven by one command per line on standard input, each answered
 * with one {@code OK <command> ...} line:
 * <ul>
 *   <li>{@code connect <uri> <n> <concurrency>}: opens {@code n} more connections, at most
 *       {@code concurrency} handshakes at a time, each retried up to {@value #ATTEMPTS} times with a
 *       {@value #HANDSHAKE_TIMEOUT_SECONDS} s timeout;</li>
 *   <li>{@code echo start text|json}, {@code echo snapshot}, {@code echo stop}: every connection
 *       sends an event and sends the next one when the echo arrives (closed loop); a snapshot gives
 *       the round trips and their latencies since the previous one;</li>
 *   <li>{@code reset}, {@code received}, {@code report}: delivery latencies of {@code tick} and
 *       {@code all} events (now minus the {@code <seq>:<nanoTime>} they carry), per broadcast the
 *       deliveries and the slowest one, and the count of every event frame received.</li>
 * </ul>
 * Histograms travel as Base64 of HdrHistogram's compressed encoding, in microseconds.
 */
public final class LoadGenerator {

    static final int ATTEMPTS = 3;
    static final int HANDSHAKE_TIMEOUT_SECONDS = 30;
    private static final int MAX_SEQ = 100_000;
    private static final String ECHO_TEXT = IrisText.frame("echo", 0, "hello sockeye, 0123456789 abcdefghij");
    private static final String ECHO_JSON = IrisText.frame("json", 4,
            "{\"note\":\"hello from the bench\",\"piece\":\"knight\",\"x\":2,\"y\":3}");

    private final HttpClient[] http;
    private final List<Client> clients = new ArrayList<>();
    private final LongAdder received = new LongAdder();
    private final Recorder deliveries = new Recorder(3);
    private final Recorder roundTrips = new Recorder(3);
    private final AtomicIntegerArray deliveredBySeq = new AtomicIntegerArray(MAX_SEQ);
    private final AtomicLongArray slowestBySeq = new AtomicLongArray(MAX_SEQ);
    private volatile String echoFrame;
    private long echoSnapshotNanos;

    private LoadGenerator(int httpClients) {
        http = new HttpClient[httpClients];
        for (int i = 0; i < httpClients; i++) {
            http[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(HANDSHAKE_TIMEOUT_SECONDS)).build();
        }
    }

    public static void main(String[] args) throws Exception {
        LoadGenerator generator = new LoadGenerator(args.length > 0 ? Integer.parseInt(args[0]) : 4);
        BenchServer.say("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            try {
                generator.handle(line.trim().split(" "));
            } catch (Exception e) {
                BenchServer.say("ERR " + line + " " + e);
            }
        }
        System.exit(0);
    }

    private void handle(String[] command) throws Exception {
        switch (command[0]) {
            case "connect" -> connect(URI.create(command[1]), Integer.parseInt(command[2]), Integer.parseInt(command[3]));
            case "echo" -> echo(command[1], command.length > 2 ? command[2] : null);
            case "reset" -> {
                deliveries.reset();
                for (int i = 0; i < MAX_SEQ; i++) {
                    deliveredBySeq.set(i, 0);
                    slowestBySeq.set(i, 0);
                }
                received.reset();
                BenchServer.say("OK reset");
            }
            case "received" -> BenchServer.say("OK received n=" + received.sum() + " ns=" + System.nanoTime()
                    + " open=" + open());
            case "report" -> report();
            default -> BenchServer.say("ERR unknown command " + String.join(" ", command));
        }
    }

    private long open() {
        return clients.stream().filter(c -> c.socket != null && !c.socket.isInputClosed()).count();
    }

    private void connect(URI uri, int count, int concurrency) throws InterruptedException {
        long start = System.nanoTime();
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        List<Client> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            Client client = new Client();
            batch.add(client);
            open(client, uri, http[(clients.size() + i) % http.length], 1, retries).whenComplete((ws, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(concurrency);
        slots.release(concurrency);
        batch.removeIf(c -> c.socket == null);
        clients.addAll(batch);
        BenchServer.say("OK connect ok=" + batch.size() + " failed=" + failed.get() + " retries=" + retries.get()
                + " ms=" + (System.nanoTime() - start) / 1_000_000 + " total=" + clients.size());
    }

    private CompletableFuture<WebSocket> open(Client client, URI uri, HttpClient via, int attempt, AtomicInteger retries) {
        return via.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(HANDSHAKE_TIMEOUT_SECONDS))
                .buildAsync(uri, client)
                .orTimeout(HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApply(ws -> client.socket = ws)
                .exceptionallyCompose(e -> {
                    if (attempt >= ATTEMPTS) {
                        return CompletableFuture.failedFuture(e);
                    }
                    retries.incrementAndGet();
                    return open(client, uri, via, attempt + 1, retries);
                });
    }

    private void echo(String action, String kind) {
        switch (action) {
            case "start" -> {
                echoFrame = kind.equals("json") ? ECHO_JSON : ECHO_TEXT;
                roundTrips.reset();
                echoSnapshotNanos = System.nanoTime();
                clients.forEach(Client::sendEcho);
                BenchServer.say("OK echo started");
            }
            case "snapshot" -> {
                long now = System.nanoTime();
                Histogram interval = roundTrips.getIntervalHistogram();
                BenchServer.say("OK echo count=" + interval.getTotalCount() + " ns=" + (now - echoSnapshotNanos)
                        + " hist=" + encode(interval));
                echoSnapshotNanos = now;
            }
            case "stop" -> {
                echoFrame = null;
                BenchServer.say("OK echo stopped");
            }
            default -> BenchServer.say("ERR echo " + action);
        }
    }

    private void report() {
        StringBuilder seqs = new StringBuilder();
        for (int i = 0; i < MAX_SEQ; i++) {
            int delivered = deliveredBySeq.get(i);
            if (delivered > 0) {
                seqs.append(seqs.length() == 0 ? "" : ";").append(i).append(',').append(delivered).append(',')
                        .append(slowestBySeq.get(i));
            }
        }
        Histogram histogram = deliveries.getIntervalHistogram();
        BenchServer.say("OK report received=" + received.sum() + " hist=" + encode(histogram)
                + " seqs=" + (seqs.length() == 0 ? "-" : seqs));
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("bad histogram", e);
        }
    }

    /** One connection: counts frames, measures deliveries, answers echoes in a closed loop. */
    private final class Client implements WebSocket.Listener {
        volatile WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
        private volatile long sentAt;

        void sendEcho() {
            String frame = echoFrame;
            WebSocket ws = socket;
            if (frame == null || ws == null) {
                return;
            }
            // the JDK client refuses a send while the previous one is still being written
            lastSend = lastSend.handle((v, e) -> null).thenCompose(v -> {
                sentAt = System.nanoTime();
                return ws.sendText(frame, true);
            });
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (!last || partial.length() > 0) {
                partial.append(data);
                if (last) {
                    frame(partial.toString());
                    partial.setLength(0);
                }
            } else {
                frame(data.toString());
            }
            ws.request(1);
            return null;
        }

        private void frame(String frame) {
            long now = System.nanoTime();
            received.increment();
            if (IrisText.isEvent(frame, "tick") || IrisText.isEvent(frame, "all")) {
                int colon = frame.lastIndexOf(':');
                int semicolon = frame.lastIndexOf(';', colon);
                int seq = Integer.parseInt(frame, semicolon + 1, colon, 10);
                long micros = (now - Long.parseLong(frame, colon + 1, frame.length(), 10)) / 1000;
                deliveries.recordValue(Math.max(0, micros));
                if (seq < MAX_SEQ) {
                    deliveredBySeq.incrementAndGet(seq);
                    slowestBySeq.accumulateAndGet(seq, micros, Math::max);
                }
            } else if (IrisText.isEvent(frame, "echo") || IrisText.isEvent(frame, "json")) {
                roundTrips.recordValue(Math.max(0, (now - sentAt) / 1000));
                sendEcho();
            }
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            received.increment();
            ws.request(1);
            return null;
        }
    }
}
