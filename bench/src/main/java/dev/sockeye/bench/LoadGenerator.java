package dev.sockeye.bench;

import dev.sockeye.client.ClientOptions;
import dev.sockeye.client.ClientState;
import dev.sockeye.client.SockeyeClient;

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
 * A load generator JVM: many connections, each a {@link SockeyeClient} (Sockeye's Java client, on the
 * Tyrus client that all of them share), driven by one command per line on standard input, each
 * answered with one {@code OK <command> ...} line:
 * <ul>
 *   <li>{@code connect <uri> <n> <concurrency>}: opens {@code n} more connections, at most
 *       {@code concurrency} handshakes at a time, each retried up to {@value #ATTEMPTS} times with a
 *       {@value #HANDSHAKE_TIMEOUT_SECONDS} s timeout;</li>
 *   <li>{@code echo start text|json}, {@code echo snapshot}, {@code echo stop}: every connection
 *       emits an event and emits the next one when the echo arrives (closed loop); a snapshot gives
 *       the round trips and their latencies since the previous one;</li>
 *   <li>{@code reset}, {@code received}, {@code report}: delivery latencies of {@code tick} and
 *       {@code all} events (now minus the {@code <seq>:<nanoTime>} they carry), per broadcast the
 *       deliveries and the slowest one, and the count of every event received.</li>
 * </ul>
 * The same client talks to Sockeye and to the raw endpoint (which speaks the same Iris frames), so
 * the client's own cost is the same on both sides of every ratio. Started with the argument
 * {@code jdk} ({@code scripts/bench.sh --client jdk}), its connections use the JDK's
 * {@code java.net.http.WebSocket} instead, to show how much of a figure is the client's own cost.
 * Histograms travel as Base64 of
 * HdrHistogram's compressed encoding, in microseconds.
 */
public final class LoadGenerator {

    static final int ATTEMPTS = 3;
    static final int HANDSHAKE_TIMEOUT_SECONDS = 30;
    private static final int MAX_SEQ = 100_000;
    private static final String ECHO_TEXT = "hello sockeye, 0123456789 abcdefghij";
    /** Every event a benchmark server emits; each one received counts. */
    private static final List<String> EVENTS = List.of("echo", "json", "tick", "all", "t");

    /** The JDK client when this generator's connections use it, else {@code null}. */
    private final HttpClient jdk;
    private final ClientOptions options = ClientOptions.builder()
            .connectTimeout(Duration.ofSeconds(HANDSHAKE_TIMEOUT_SECONDS))
            .build();
    private final List<Client> clients = new ArrayList<>();
    private final LongAdder received = new LongAdder();
    private final Recorder deliveries = new Recorder(3);
    private final Recorder roundTrips = new Recorder(3);
    private final AtomicIntegerArray deliveredBySeq = new AtomicIntegerArray(MAX_SEQ);
    private final AtomicLongArray slowestBySeq = new AtomicLongArray(MAX_SEQ);
    /** The event of the echo loop ({@code echo} or {@code json}), or {@code null} when it is stopped. */
    private volatile String echoEvent;
    private long echoSnapshotNanos;

    private LoadGenerator(boolean useJdkClient) {
        jdk = useJdkClient
                ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(HANDSHAKE_TIMEOUT_SECONDS)).build()
                : null;
    }

    /** @param args {@code jdk} for connections through the JDK's client; none for {@link SockeyeClient}s */
    public static void main(String[] args) throws Exception {
        LoadGenerator generator = new LoadGenerator(args.length > 0 && args[0].equals("jdk"));
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
        return clients.stream().filter(Client::isOpen).count();
    }

    private void connect(URI uri, int count, int concurrency) throws InterruptedException {
        long start = System.nanoTime();
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        List<Client> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            open(uri, 1, retries).whenComplete((client, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                } else {
                    synchronized (batch) {
                        batch.add(client);
                    }
                }
                slots.release();
            });
        }
        slots.acquire(concurrency);
        slots.release(concurrency);
        clients.addAll(batch);
        BenchServer.say("OK connect ok=" + batch.size() + " failed=" + failed.get() + " retries=" + retries.get()
                + " ms=" + (System.nanoTime() - start) / 1_000_000 + " total=" + clients.size());
    }

    /** Connects a new client; a client connects once, so a retry is a new client. */
    private CompletableFuture<Client> open(URI uri, int attempt, AtomicInteger retries) {
        Client client = jdk == null ? new SockeyeConnection(SockeyeClient.create(uri, options)) : new JdkConnection();
        return client.connect(uri)
                .thenApply(connected -> client)
                .exceptionallyCompose(e -> {
                    client.abort();
                    if (attempt >= ATTEMPTS) {
                        return CompletableFuture.failedFuture(e);
                    }
                    retries.incrementAndGet();
                    return open(uri, attempt + 1, retries);
                });
    }

    private void echo(String action, String kind) {
        switch (action) {
            case "start" -> {
                echoEvent = kind.equals("json") ? "json" : "echo";
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
                echoEvent = null;
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

    /** One connection: counts events, measures deliveries, answers echoes in a closed loop. */
    private abstract class Client {
        private volatile long sentAt;

        abstract CompletableFuture<?> connect(URI uri);

        /** Gives up a failed attempt. */
        abstract void abort();

        abstract boolean isOpen();

        /** Sends {@code value} as {@code event} (the echo loop's only sends). */
        abstract void emit(String event, Object value);

        final void sendEcho() {
            String event = echoEvent;
            if (event == null) {
                return;
            }
            sentAt = System.nanoTime();
            emit(event, event.equals("json") ? Move.SAMPLE : ECHO_TEXT);
        }

        final void received(String event, String payload) {
            long now = System.nanoTime();
            received.increment();
            switch (event) {
                case "tick", "all" -> {
                    int colon = payload.lastIndexOf(':');
                    int seq = Integer.parseInt(payload, 0, colon, 10);
                    long micros = (now - Long.parseLong(payload, colon + 1, payload.length(), 10)) / 1000;
                    deliveries.recordValue(Math.max(0, micros));
                    if (seq < MAX_SEQ) {
                        deliveredBySeq.incrementAndGet(seq);
                        slowestBySeq.accumulateAndGet(seq, micros, Math::max);
                    }
                }
                case "echo", "json" -> {
                    roundTrips.recordValue(Math.max(0, (now - sentAt) / 1000));
                    sendEcho();
                }
                default -> {
                    // "t": only counted
                }
            }
        }
    }

    /** A connection through Sockeye's Java client: {@code on} for every event, {@code emit} to send. */
    private final class SockeyeConnection extends Client {
        private final SockeyeClient socket;

        SockeyeConnection(SockeyeClient socket) {
            this.socket = socket;
            for (String event : EVENTS) {
                socket.on(event, String.class, payload -> received(event, payload));
            }
            socket.onMessage(bytes -> received.increment());
        }

        @Override
        CompletableFuture<?> connect(URI uri) {
            return socket.connect().toCompletableFuture();
        }

        @Override
        void abort() {
            socket.close();
        }

        @Override
        boolean isOpen() {
            return socket.state() == ClientState.OPEN;
        }

        @Override
        void emit(String event, Object value) {
            socket.emit(event, value);
        }
    }

    /**
     * A connection through the JDK's {@code java.net.http.WebSocket}, Iris frames written and split
     * by hand ({@link IrisText}); with {@code --client jdk} (see {@link Bench#launchLoad}).
     */
    private final class JdkConnection extends Client implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;

        @Override
        CompletableFuture<?> connect(URI uri) {
            return jdk.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(HANDSHAKE_TIMEOUT_SECONDS))
                    .buildAsync(uri, this)
                    .orTimeout(HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .thenApply(ws -> socket = ws);
        }

        @Override
        void abort() {
            // nothing to close: the attempt failed
        }

        @Override
        boolean isOpen() {
            WebSocket ws = socket;
            return ws != null && !ws.isInputClosed();
        }

        @Override
        void emit(String event, Object value) {
            throw new UnsupportedOperationException("the echo scenario runs on SockeyeClients");
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
            String event = IrisText.event(frame);
            if (event == null) {
                received.increment();
            } else {
                received(event, IrisText.payload(frame, event));
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
