package dev.sockeye.impl.core;

import dev.sockeye.Key;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MapConnectionValuesTest {

    private static final Key<String> NAME = Key.of("name", String.class);

    @Test
    void readsAndRemovalsBeforeTheFirstWriteFindNothing() {
        MapConnectionValues values = new MapConnectionValues();

        assertEquals(Optional.empty(), values.get(NAME));
        assertEquals(Optional.empty(), values.remove(NAME));
        assertEquals(Optional.empty(), values.put(NAME, "ana"));
        assertEquals(Optional.of("ana"), values.get(NAME));
        assertThrows(NullPointerException.class, () -> values.get(null));
    }

    @Test
    void concurrentFirstWritesAllLandInOneStoreAndComputeIfAbsentRunsOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            MapConnectionValues values = new MapConnectionValues();
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            CountDownLatch done = new CountDownLatch(threads);
            AtomicInteger computed = new AtomicInteger();
            Object[] seen = new Object[threads];
            for (int t = 0; t < threads; t++) {
                int index = t;
                new Thread(() -> {
                    try {
                        start.await();
                        values.put(Key.of("k" + index, Integer.class), index);
                        seen[index] = values.computeIfAbsent(Key.of("shared", Object.class), () -> {
                            computed.incrementAndGet();
                            return new Object();
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            done.await();
            for (int t = 0; t < threads; t++) {
                assertEquals(Optional.of(t), values.get(Key.of("k" + t, Integer.class)), "round " + round);
                assertSame(seen[0], seen[t]);
            }
            assertEquals(1, computed.get(), "round " + round);
        }
    }
}
