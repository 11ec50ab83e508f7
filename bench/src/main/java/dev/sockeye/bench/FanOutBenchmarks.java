package dev.sockeye.bench;

import dev.sockeye.Connection;
import dev.sockeye.Emitter;
import dev.sockeye.OverflowPolicy;
import dev.sockeye.Target;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.registry.JoinedRooms;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.registry.Member;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.Delivery;
import dev.sockeye.impl.send.FrameWriter;
import dev.sockeye.impl.send.OutboundQueue;

import jakarta.json.bind.JsonbBuilder;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What Sockeye's layer costs per recipient of a broadcast, without the network: an emit to a room
 * of {@value #RECIPIENTS} members through the registry, the message framing and one outbound queue
 * per member, each queue's writer completing at once (as Tyrus does when the socket takes the
 * frame); next to the raw endpoint's loop over a set of sessions handing the frame to the same kind
 * of writer with a countdown. Divide by {@value #RECIPIENTS} for the cost per recipient.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FanOutBenchmarks {

    static final int RECIPIENTS = 1_000;

    /** A send that completes at once. */
    private static final FrameWriter WRITTEN = (frame, done) -> done.accept(null);

    private Emitter room;
    private final Set<RawSession> rawRoom = ConcurrentHashMap.newKeySet();

    /** What the registry needs of a connection, sending as the live connection does. */
    private record QueueMember(String id, OutboundQueue queue, IrisCodec codec, JoinedRooms joinedRooms)
            implements Member {
        @Override
        public Connection connection() {
            throw new UnsupportedOperationException("not needed to route");
        }

        @Override
        public boolean acceptsJoins() {
            return true;
        }

        @Override
        public Object endpoint() {
            return FanOutBenchmarks.class;
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> goAway() {
            throw new UnsupportedOperationException("not needed to route");
        }

        @Override
        public void send(dev.sockeye.Target target, Message message, Delivery delivery) {
            queue.enqueue(message.frame(codec), delivery);
        }

        @Override
        public void left(String room) {
        }
    }

    /** The raw endpoint's view of a session: an asynchronous text send with a completion handler. */
    private record RawSession(int index) {
        void sendText(String frame, Consumer<Throwable> handler) {
            handler.accept(null);
        }
    }

    @Setup
    public void setUp() {
        IrisCodec codec = new IrisCodec(IrisText.PREFIX, false, JsonbBuilder.create());
        LocalRegistry registry = new LocalRegistry(JsonbBuilder.create());
        for (int i = 0; i < RECIPIENTS; i++) {
            QueueMember member = new QueueMember("connection-" + i,
                    new OutboundQueue(WRITTEN, 1 << 20, OverflowPolicy.CLOSE, failure -> { }),
                    codec, new JoinedRooms());
            registry.register(member);
            registry.join("fan", member);
            rawRoom.add(new RawSession(i));
        }
        room = registry.to(Target.room("fan"));
    }

    @Benchmark
    public Object broadcast_sockeye() {
        return room.emit("tick", CodecBenchmarks.TEXT);
    }

    @Benchmark
    public Object broadcast_raw() {
        String frame = IrisText.frame("tick", 0, CodecBenchmarks.TEXT);
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger pending = new AtomicInteger(1);
        for (RawSession session : rawRoom) {
            pending.incrementAndGet();
            session.sendText(frame, failure -> {
                if (pending.decrementAndGet() == 0) {
                    done.complete(null);
                }
            });
        }
        if (pending.decrementAndGet() == 0) {
            done.complete(null);
        }
        return done;
    }
}
