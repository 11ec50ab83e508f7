package dev.sockeye.impl.dispatch;

import dev.sockeye.PayloadType;
import dev.sockeye.impl.codec.InboundMessage;
import dev.sockeye.impl.codec.PayloadDecoder;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenersRegistrationTest {

    private static final PayloadDecoder DECODER = new PayloadDecoder(JsonbBuilder.create());

    private static InboundMessage.Event event(String name, String text) {
        return new InboundMessage.Event(name, 0, InboundMessage.Payload.ofText(text));
    }

    @Test
    void listenersAddedFromManyThreadsAreAllKeptAndCalledInTheOrderEachThreadAddedThem() throws Exception {
        int threads = 8;
        int perThread = 200;
        List<Throwable> unhandled = new ArrayList<>();
        Listeners listeners = new Listeners(DECODER, unhandled::add);
        ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
        AtomicInteger disconnects = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            String thread = "t" + t;
            new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String tag = thread + ":" + i;
                        listeners.on(i % 2 == 0 ? "a" : "b", PayloadType.of(String.class), text -> calls.add(tag));
                        listeners.onDisconnect(disconnects::incrementAndGet);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        start.await();
        // dispatching while registrations race must neither fail nor see a torn list
        while (done.getCount() > 0) {
            listeners.dispatch(event("a", "x"));
        }
        done.await();
        calls.clear();

        listeners.dispatch(event("a", "x"));
        listeners.dispatch(event("b", "x"));
        listeners.disconnected();

        assertEquals(threads * perThread, calls.size(), "every listener of a and b was called once");
        assertEquals(threads * perThread, disconnects.get());
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + ":";
            List<Integer> order = calls.stream().filter(c -> c.startsWith(prefix))
                    .map(c -> Integer.parseInt(c.substring(prefix.length()))).toList();
            List<Integer> even = order.stream().filter(i -> i % 2 == 0).toList();
            List<Integer> odd = order.stream().filter(i -> i % 2 == 1).toList();
            assertEquals(even.stream().sorted().toList(), even, "thread " + t + "'s listeners of a in order");
            assertEquals(odd.stream().sorted().toList(), odd, "thread " + t + "'s listeners of b in order");
        }
        assertTrue(unhandled.isEmpty(), () -> "unexpected errors: " + unhandled);
    }

    @Test
    void aListenerAddedDuringDispatchIsCalledFromTheNextMessageOn() {
        Listeners listeners = new Listeners(DECODER, e -> { });
        List<String> calls = new ArrayList<>();
        listeners.on("a", PayloadType.of(String.class), text -> {
            calls.add("first " + text);
            listeners.on("a", PayloadType.of(String.class), later -> calls.add("added " + later));
        });

        listeners.dispatch(event("a", "1"));
        listeners.dispatch(event("a", "2"));

        assertEquals(List.of("first 1", "first 2", "added 2"), calls);
    }

    @Test
    void errorsGoToTheFallbackUntilAnErrorListenerIsAdded() {
        List<Throwable> unhandled = new ArrayList<>();
        List<Throwable> seen = new ArrayList<>();
        Listeners listeners = new Listeners(DECODER, unhandled::add);
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second");

        listeners.error(first);
        listeners.onError(seen::add);
        listeners.error(second);

        assertEquals(List.of(first), unhandled);
        assertEquals(List.of(second), seen);
    }
}
