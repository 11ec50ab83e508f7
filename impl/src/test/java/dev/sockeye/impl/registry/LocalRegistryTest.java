package dev.sockeye.impl.registry;

import dev.sockeye.Connection;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.Delivery;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's bookkeeping with in-memory members, including under concurrent joins and leaves. */
class LocalRegistryTest {

    /** A member that records what it is sent and which rooms it left. */
    static class FakeMember implements Member {
        final String id;
        final JoinedRooms rooms = new JoinedRooms();
        final ConcurrentLinkedQueue<Message> frames = new ConcurrentLinkedQueue<>();
        final AtomicInteger leaves = new AtomicInteger();
        final AtomicInteger goneAway = new AtomicInteger();
        volatile boolean open = true;
        Object endpoint = "the endpoint";

        FakeMember(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Connection connection() {
            return null;
        }

        @Override
        public JoinedRooms joinedRooms() {
            return rooms;
        }

        @Override
        public boolean acceptsJoins() {
            return open;
        }

        @Override
        public Object endpoint() {
            return endpoint;
        }

        @Override
        public CompletionStage<Void> goAway() {
            goneAway.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void send(dev.sockeye.Target target, Message message, Delivery delivery) {
            frames.add(message);
            delivery.sent();
        }

        @Override
        public void left(String room) {
            leaves.incrementAndGet();
        }
    }

    private final IrisCodec codec = new IrisCodec("p:", false, JsonbBuilder.create());
    private final LocalRegistry registry = new LocalRegistry(JsonbBuilder.create());

    @Test
    void goingAwayEndsTheConnectionsOfTheClosingEndpointOnly() {
        FakeMember iris = new FakeMember("iris");
        FakeMember neffos = new FakeMember("neffos");
        neffos.endpoint = "the endpoint sharing the registry";
        registry.register(iris);
        registry.register(neffos);

        registry.goAway("the endpoint sharing the registry");

        assertEquals(0, iris.goneAway.get(), "the other endpoint's connection stays");
        assertEquals(1, neffos.goneAway.get());
    }

    @Test
    void aRoomLeftEmptyDisappears() {
        FakeMember a = new FakeMember("a");
        registry.register(a);
        assertTrue(registry.join("r", a));
        assertFalse(registry.join("r", a), "joining twice is a no-op");
        assertEquals(Set.of("a", "r"), registry.rooms());
        assertTrue(registry.leave("r", a));
        assertFalse(registry.leave("r", a));
        assertEquals(Set.of("a"), registry.rooms());
        assertEquals(1, a.leaves.get());
    }

    @Test
    void aRoomGrowingFromOneMemberAndShrinkingBackReachesExactlyItsMembers() {
        FakeMember a = new FakeMember("a");
        FakeMember b = new FakeMember("b");
        FakeMember c = new FakeMember("c");
        for (FakeMember member : List.of(a, b, c)) {
            registry.register(member);
        }
        registry.join("r", a);
        registry.to(Target.room("r")).emit("e", 1);
        registry.join("r", b);
        registry.join("r", c);
        registry.to(Target.room("r")).emit("e", 2);
        registry.leave("r", b);
        registry.leave("r", c);
        registry.to(Target.room("r")).emit("e", 3);
        assertEquals(3, a.frames.size(), "the first member got every emit");
        assertEquals(1, b.frames.size());
        assertEquals(1, c.frames.size());
        assertEquals(Set.of("a", "r"), a.rooms.snapshot());
        assertEquals(Set.of("b"), b.rooms.snapshot());
        assertEquals(1, registry.members("r").size());
        assertTrue(registry.isJoined("r", "a"));
        assertFalse(registry.isJoined("r", "b"));
        registry.leave("r", a);
        assertFalse(registry.rooms().contains("r"));
    }

    @Test
    void aClosingMemberCannotJoin() {
        FakeMember a = new FakeMember("a");
        registry.register(a);
        a.open = false;
        assertFalse(registry.join("r", a));
        assertFalse(registry.rooms().contains("r"));
    }

    @Test
    void aDuplicateIdIsNotRegistered() {
        assertTrue(registry.register(new FakeMember("same")));
        assertFalse(registry.register(new FakeMember("same")));
        assertEquals(1, registry.count());
    }

    @Test
    void aBroadcastIsEncodedOnceAndSharedByEveryRecipient() {
        FakeMember a = new FakeMember("a");
        FakeMember b = new FakeMember("b");
        registry.register(a);
        registry.register(b);
        registry.to(Target.all()).emit("e", "x");
        assertTrue(a.frames.peek() == b.frames.peek(), "one message object for all recipients");
        OutboundFrame first = a.frames.peek().frame(codec);
        assertTrue(first == b.frames.peek().frame(codec), "framed once per protocol, shared by recipients");
        assertEquals("p:e;0;x", ((OutboundFrame.Text) first).text());
    }

    @Test
    void aTargetEmitCompletesOnlyWhenEveryRecipientsWriteHasEnded() {
        List<Delivery> pending = new java.util.ArrayList<>();
        class SlowMember extends FakeMember {
            SlowMember(String id) {
                super(id);
            }

            @Override
            public void send(dev.sockeye.Target target, Message message, Delivery delivery) {
                pending.add(delivery);
            }
        }
        registry.register(new SlowMember("a"));
        registry.register(new SlowMember("b"));
        java.util.concurrent.CompletableFuture<Void> stage = registry.to(Target.all()).emit("e", "x").toCompletableFuture();
        assertEquals(2, pending.size());
        assertFalse(stage.isDone(), "no write has ended yet");
        pending.get(0).sent();
        assertFalse(stage.isDone(), "one write still running");
        pending.get(1).failed(new RuntimeException("peer gone"));
        assertTrue(stage.isDone() && !stage.isCompletedExceptionally(), "a failed recipient does not fail the emit");
        assertTrue(registry.to(Target.room("nobody")).emit("e", "x").toCompletableFuture().isDone(),
                "an emit to nobody completes at once");
    }

    @Test
    void aMessagesExcludedConnectionIsSkippedWhateverTheTarget() {
        FakeMember a = new FakeMember("a");
        FakeMember b = new FakeMember("b");
        registry.register(a);
        registry.register(b);
        registry.join("r", a);
        registry.join("r", b);
        Message message = Message.of("e", "x", null);
        assertTrue(registry.route(Target.room("r"), message.excluding("a")).toCompletableFuture().isDone(),
                "the excluded connection is not waited for");
        registry.route(Target.all(), message.excluding("b"));
        registry.route(Target.connection("a"), message.excluding("a"));
        registry.route(Target.allExcept("a"), message.excluding("b"));
        assertEquals(1, a.frames.size(), "a: only the emit to all but b");
        assertEquals(1, b.frames.size(), "b: only the room emit without a");
        assertTrue(a.frames.peek().textBody() == message.textBody(), "the scoped copy shares the encoded body");
    }

    @Test
    void concurrentJoinsAndLeavesKeepRoomsAndMembersConsistent() throws Exception {
        List<FakeMember> members = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            FakeMember member = new FakeMember("m" + i);
            registry.register(member);
            members.add(member);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            work.add(pool.submit(() -> {
                java.util.Random random = new java.util.Random(seed);
                for (int i = 0; i < 50_000; i++) {
                    FakeMember member = members.get(random.nextInt(members.size()));
                    String room = "room" + random.nextInt(4);
                    if (random.nextBoolean()) {
                        registry.join(room, member);
                    } else {
                        registry.leave(room, member);
                    }
                    registry.to(Target.room(room)).emit("e", i);
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (FakeMember member : members) {
            for (String room : member.rooms.snapshot()) {
                assertTrue(registry.isJoined(room, member.id), member.id + " thinks it is in " + room);
            }
        }
        for (String room : registry.rooms()) {
            assertFalse(registry.members(room).isEmpty() && !room.startsWith("m"), "no empty room remains: " + room);
        }
        for (int r = 0; r < 4; r++) {
            String room = "room" + r;
            long expected = members.stream().filter(m -> m.rooms.contains(room)).count();
            assertEquals(expected, registry.members(room).size());
        }
    }
}
