package dev.sockeye.impl.registry;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The rooms one connection is in, as an immutable set swapped atomically: reads never lock or copy,
 * and a connection in its own ID room and one more costs one small immutable set instead of a
 * concurrent set with its table and nodes (every connection has this). Joins and leaves copy the
 * set, which suits their rarity next to emits; a connection in hundreds of rooms pays a copy per
 * change.
 *
 * <p>Thread-safe; changed only by the registry (inside the room's {@code compute}), read by anyone.
 */
public final class JoinedRooms {

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<JoinedRooms, Set> ROOMS =
            AtomicReferenceFieldUpdater.newUpdater(JoinedRooms.class, Set.class, "rooms");

    private volatile Set<String> rooms = Set.of();

    /** @return whether the connection is in {@code room} */
    public boolean contains(String room) {
        return rooms.contains(room);
    }

    /** @return the rooms, an immutable snapshot */
    public Set<String> snapshot() {
        return rooms;
    }

    void add(String room) {
        Set<String> before;
        Set<String> after;
        do {
            before = rooms;
            if (before.contains(room)) {
                return;
            }
            HashSet<String> copy = new HashSet<>(before);
            copy.add(room);
            after = Set.copyOf(copy);
        } while (!ROOMS.compareAndSet(this, before, after));
    }

    void remove(String room) {
        Set<String> before;
        Set<String> after;
        do {
            before = rooms;
            if (!before.contains(room)) {
                return;
            }
            HashSet<String> copy = new HashSet<>(before);
            copy.remove(room);
            after = Set.copyOf(copy);
        } while (!ROOMS.compareAndSet(this, before, after));
    }
}
