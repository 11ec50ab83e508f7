package dev.sockeye.impl.registry;

import dev.sockeye.Target;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.route.MessageCodec;
import dev.sockeye.impl.send.Delivery;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * An emit through the registry builds each codec's frame once, however many recipients share it,
 * also with more than two codecs (Iris clients and neffos clients in several namespaces), up to
 * {@link Message#MAX_CACHED_FRAMES}; beyond that the frame is built per recipient, never a wrong one.
 */
class EmitEncodesOncePerCodecTest {

    /** A codec that counts its encodes and frames a message as its own name and the body. */
    private record CountingCodec(String name, AtomicInteger encodes) implements MessageCodec {
        CountingCodec(String name) {
            this(name, new AtomicInteger());
        }

        @Override
        public OutboundFrame encode(Message message) {
            encodes.incrementAndGet();
            String text = name + ":" + message.textBody();
            return new OutboundFrame.Text(text, text.length());
        }
    }

    /** A member that frames what it is sent with its codec, as a live connection does. */
    private static final class FramingMember extends LocalRegistryTest.FakeMember {
        private final MessageCodec codec;
        final List<OutboundFrame> framed = new ArrayList<>();

        FramingMember(String id, MessageCodec codec) {
            super(id);
            this.codec = codec;
        }

        @Override
        public void send(dev.sockeye.Target target, Message message, Delivery delivery) {
            framed.add(message.frame(codec));
            delivery.sent();
        }
    }

    private final LocalRegistry registry = new LocalRegistry(JsonbBuilder.create());

    private List<FramingMember> members(List<CountingCodec> codecs, int perCodec) {
        List<FramingMember> members = new ArrayList<>();
        for (int i = 0; i < perCodec; i++) {
            for (CountingCodec codec : codecs) {
                FramingMember member = new FramingMember(codec.name() + "-" + i, codec);
                registry.register(member);
                registry.join("room", member);
                members.add(member);
            }
        }
        return members;
    }

    private static List<CountingCodec> codecs(int count) {
        List<CountingCodec> codecs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codecs.add(new CountingCodec("codec" + i));
        }
        return codecs;
    }

    @Test
    void aRoomEmitAndAnEmitToAllEncodeOncePerCodecWithFiveCodecs() throws Exception {
        List<CountingCodec> codecs = codecs(5);
        List<FramingMember> members = members(codecs, 40);
        registry.route(Target.room("room"), Message.of("e", "one", null)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        registry.route(Target.all(), Message.of("e", "two", null)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        for (CountingCodec codec : codecs) {
            assertEquals(2, codec.encodes().get(), codec.name() + ": one encode per emit, not one per recipient");
        }
        Map<MessageCodec, OutboundFrame> firstFrameOf = new IdentityHashMap<>();
        for (FramingMember member : members) {
            assertEquals(2, member.framed.size());
            String expected = ((CountingCodec) member.codec).name() + ":one";
            assertEquals(expected, ((OutboundFrame.Text) member.framed.get(0)).text(), "each recipient gets its codec's frame");
            OutboundFrame shared = firstFrameOf.computeIfAbsent(member.codec, c -> member.framed.get(0));
            assertSame(shared, member.framed.get(0), "recipients of one codec share one frame");
        }
    }

    @Test
    void beyondTheCachedCodecsFramesAreBuiltPerRecipientButStayCorrect() throws Exception {
        List<CountingCodec> codecs = codecs(Message.MAX_CACHED_FRAMES + 3);
        List<FramingMember> members = members(codecs, 10);
        registry.route(Target.room("room"), Message.of("e", "x", null)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        int onceEach = 0;
        for (CountingCodec codec : codecs) {
            int encodes = codec.encodes().get();
            if (encodes == 1) {
                onceEach++;
            } else {
                assertEquals(10, encodes, codec.name() + ": not kept, so framed for each of its recipients");
            }
        }
        assertEquals(Message.MAX_CACHED_FRAMES, onceEach, "the first codecs met keep their frame");
        for (FramingMember member : members) {
            assertEquals(((CountingCodec) member.codec).name() + ":x", ((OutboundFrame.Text) member.framed.get(0)).text());
        }
    }

    @Test
    void concurrentFramingInManyCodecsNeverHandsOutAnotherCodecsFrame() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 300; round++) {
                Message message = Message.of("e", "r" + round, null);
                List<CountingCodec> codecs = codecs(6);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> framings = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    CountingCodec codec = codecs.get(t % codecs.size());
                    String expected = codec.name() + ":r" + round;
                    framings.add(pool.submit(() -> {
                        start.await();
                        assertEquals(expected, ((OutboundFrame.Text) message.frame(codec)).text());
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> framing : framings) {
                    framing.get(5, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
