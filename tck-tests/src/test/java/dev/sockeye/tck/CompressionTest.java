package dev.sockeye.tck;

import dev.sockeye.Config;
import dev.sockeye.Connection;

import jakarta.websocket.CloseReason;

import org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import static dev.sockeye.tck.TestClient.PREFIX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code enableCompression} (Iris's {@code EnableCompression}): permessage-deflate (RFC 7692) is
 * negotiated with a client that offers it, and events travel compressed both ways. The inflated
 * size is capped at {@code maxMessageSize}: a small compressed frame that would inflate to 100
 * times the limit closes the connection with 1009 and runs the leave and disconnect events once,
 * and 200 such frames leave the heap flat. That close alone would also come from the size check
 * on whole messages; the cap itself shows with a frame of 260 KB that would inflate to 256 MiB:
 * the heap never grows by anything near that. Without the setting the extension is not negotiated.
 * Raw frames ({@link TestClient}, {@link RawWebSocket}): the test offers the extension and sends
 * hand-made compressed frames, which the Java client does not do.
 */
class CompressionTest {

    private static final Config COMPRESSED = Config.builder().enableCompression(true).build();
    private static final String CHAT = PREFIX + "chat;0;";
    /** One repeated character, 100 times {@code maxMessageSize} (1024 bytes) once inflated. */
    private static final String BOMB = CHAT + "x".repeat(100 * Config.DEFAULT_MAX_MESSAGE_SIZE - CHAT.length());
    private static final int BOMB_ROUNDS = 200;
    /**
     * Allowed growth of the used heap after GC over 200 refused bombs (after 20 to warm up): 20 MiB,
     * about what would remain if each ended connection kept its inflated message (200 x 100 KiB). A
     * server that keeps nothing measured well under 1 MiB; the rest is margin for the JIT, class
     * loading and Grizzly's pooled buffers settling.
     */
    private static final long HEAP_GROWTH_BOUND = 20L * 1024 * 1024;

    private final Lifecycle lifecycle = new Lifecycle();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private Servers.Running server;

    private void start(Config config) throws Exception {
        server = Servers.start(config, connection -> {
            connection.join("r1");
            connection.on("echo", String.class, text -> connection.emit("echo", text));
            lifecycle.watch(connection);
        });
    }

    /** @return options offering Tyrus's permessage-deflate extension */
    private static TestClient.Options offeringDeflate() {
        return TestClient.Options.defaults().withExtensions(List.of(new PerMessageDeflateExtension()));
    }

    private TestClient connectOfferingDeflate() throws Exception {
        return closeLater(TestClient.connect(server.uri(), offeringDeflate()));
    }

    private <T extends AutoCloseable> T closeLater(T client) {
        clients.add(client);
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void compressionOnNegotiatesPermessageDeflateAndEventsTravelBothWays() throws Exception {
        start(COMPRESSED);
        TestClient client = connectOfferingDeflate();
        Connection connection = lifecycle.nextOpened();

        assertEquals(List.of("permessage-deflate"), client.negotiatedExtensions());
        String text = "compress me ".repeat(80);
        client.emit("echo", 0, text);
        assertEquals(PREFIX + "echo;0;" + text, client.next());
        connection.emit("news", "n".repeat(5000)).toCompletableFuture().get();
        assertEquals(PREFIX + "news;0;" + "n".repeat(5000), client.next());
        assertTrue(connection.isOpen());
    }

    @Test
    void smallFrameInflatingTo100TimesTheLimitClosesWith1009AndDisconnectsOnce() throws Exception {
        start(COMPRESSED);
        TestClient client = connectOfferingDeflate();
        Connection connection = lifecycle.nextOpened();
        assertEquals(List.of("permessage-deflate"), client.negotiatedExtensions());
        // The premise: on the wire the bomb is smaller than the limit, only inflating shows its size.
        assertTrue(deflatedSize(BOMB) < Config.DEFAULT_MAX_MESSAGE_SIZE, "deflated: " + deflatedSize(BOMB));

        client.send(BOMB);

        CloseReason reason = client.awaitClose();
        assertEquals(CloseReason.CloseCodes.TOO_BIG, reason.getCloseCode(), reason.toString());
        assertTrue(client.drain().isEmpty(), "the server answered the bomb");
        lifecycle.assertLeftEveryRoomThenDisconnectedOnce(connection, Set.of("r1", connection.id()));
        assertEquals(0, server.endpoint().registry().count());
    }

    @Test
    void twoHundredRefusedBombsLeaveTheHeapFlat() throws Exception {
        start(COMPRESSED);
        for (int i = 0; i < 20; i++) {
            refuseOneBomb();
        }
        long before = usedHeapAfterGc();

        for (int i = 0; i < BOMB_ROUNDS; i++) {
            refuseOneBomb();
        }

        long after = usedHeapAfterGc();
        assertTrue(after - before < HEAP_GROWTH_BOUND,
                "used heap after GC grew by " + (after - before) / 1024 + " KiB over " + BOMB_ROUNDS + " bombs");
        assertEquals(0, server.endpoint().registry().count());
        assertTrue(server.endpoint().registry().rooms().isEmpty(), "rooms: " + server.endpoint().registry().rooms());
    }

    /** Connects, sends the bomb, and checks the 1009 close and the disconnect event. */
    private void refuseOneBomb() throws Exception {
        try (TestClient client = TestClient.connect(server.uri(), offeringDeflate())) {
            Connection connection = lifecycle.nextOpened();
            client.send(BOMB);
            CloseReason reason = client.awaitClose();
            if (reason.getCloseCode() != CloseReason.CloseCodes.TOO_BIG) {
                fail("bomb closed with " + reason);
            }
            Lifecycle.Log log = lifecycle.of(connection);
            Await.until("disconnect of " + connection.id(), log::disconnected);
        }
    }

    @Test
    void framesOnTheWireAreCompressedBothWays() throws Exception {
        start(COMPRESSED);
        RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of("Sec-WebSocket-Extensions", "permessage-deflate"));
        closeLater(raw);
        assertEquals(101, raw.status());
        String accepted = raw.header("sec-websocket-extensions");
        assertTrue(accepted != null && accepted.startsWith("permessage-deflate"), "extensions: " + accepted);
        raw.readFrames(true);
        lifecycle.nextOpened();
        String text = "compress me ".repeat(80);

        raw.sendFrame(RawWebSocket.TEXT, true, PerMessageDeflate.deflate((PREFIX + "echo;0;" + text).getBytes(StandardCharsets.UTF_8)));

        RawWebSocket.Frame echo = raw.nextDataFrame(Duration.ofSeconds(5));
        assertNotNull(echo, "no echo");
        assertTrue(echo.rsv1(), "the server's frame is not compressed");
        assertTrue(echo.payload().length < text.length() / 4, "compressed to " + echo.payload().length + " bytes");
        assertEquals(PREFIX + "echo;0;" + text, new String(PerMessageDeflate.inflate(echo.payload()), StandardCharsets.UTF_8));
    }

    @Test
    void bombOf256MiBStopsInflatingAtTheLimitInsteadOfFillingTheHeap() throws Exception {
        start(COMPRESSED);
        RawWebSocket raw = RawWebSocket.upgrade(server.uri(), Map.of("Sec-WebSocket-Extensions", "permessage-deflate"));
        closeLater(raw);
        assertEquals(101, raw.status());
        raw.readFrames(true);
        Connection connection = lifecycle.nextOpened();
        byte[] bomb = deflatedRepetition(256);
        assertTrue(bomb.length < 1024 * 1024, "the bomb is " + bomb.length + " bytes on the wire");
        // The JVM records a pool's peak only when it samples it, so sample the used heap ourselves,
        // every millisecond until the close frame: inflating the bomb would take far longer.
        long usedBefore = usedHeapAfterGc();
        HeapSampler sampler = new HeapSampler();
        sampler.start();

        raw.sendFrame(RawWebSocket.TEXT, true, bomb);

        int code = raw.closeFrame().get(10, TimeUnit.SECONDS).closeCode();
        long peakGrowth = sampler.finish() - usedBefore;
        assertEquals(1009, code);
        lifecycle.assertLeftEveryRoomThenDisconnectedOnce(connection, Set.of("r1", connection.id()));
        // Inflating the whole message would need 256 MiB at once (twice that while its buffer grows);
        // the bounded inflater holds about maxMessageSize plus an 8 KiB buffer. 64 MiB is the margin
        // for whatever else the JVM allocates meanwhile (garbage is not collected between samples).
        assertTrue(peakGrowth < 64L * 1024 * 1024, "the heap peaked " + peakGrowth / 1024 / 1024 + " MiB higher");
    }

    @Test
    void compressionOffNegotiatesNoExtension() throws Exception {
        start(Config.defaults());
        TestClient client = connectOfferingDeflate();
        lifecycle.nextOpened();

        assertEquals(List.of(), client.negotiatedExtensions());
        client.emit("echo", 0, "plain");
        assertEquals(PREFIX + "echo;0;plain", client.next());
    }

    /** Samples the used heap every millisecond on its own thread and keeps the highest value. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** @return the highest used heap seen, including one last sample */
        long finish() throws InterruptedException {
            running = false;
            join();
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }

    /**
     * @return a raw-deflate stream of {@code mebibytes} MiB of 'x', flushed and without the RFC 7692
     *         tail. Once the window is full of 'x', each further MiB compresses to the same bytes
     *         (about 1 KiB), so the stream is built from two compressed chunks instead of deflating
     *         it all, which takes seconds.
     */
    private static byte[] deflatedRepetition(int mebibytes) {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] first = PerMessageDeflate.deflateAndFlush(deflater, chunk);
        byte[] next = PerMessageDeflate.deflateAndFlush(deflater, chunk);
        assertArrayEquals(next, PerMessageDeflate.deflateAndFlush(deflater, chunk), "every further MiB compresses alike");
        deflater.end();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(first);
        for (int i = 1; i < mebibytes; i++) {
            out.writeBytes(next);
        }
        return PerMessageDeflate.withoutTail(out.toByteArray());
    }

    private static int deflatedSize(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] buffer = new byte[text.length()];
        int size = deflater.deflate(buffer);
        deflater.end();
        return size;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
