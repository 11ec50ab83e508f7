package dev.sockeye.impl.core;

import dev.sockeye.ConnectionValues;
import dev.sockeye.Key;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A connection's value store over a concurrent map; values are type-checked against their key.
 * The map is made on the first write: most connections never store a value, and every connection
 * has a store. Safe for concurrent use.
 */
public final class MapConnectionValues implements ConnectionValues {

    private volatile ConcurrentHashMap<Key<?>, Object> values;

    /** @return the map, made now if this is the first write */
    private ConcurrentHashMap<Key<?>, Object> writable() {
        ConcurrentHashMap<Key<?>, Object> map = values;
        if (map == null) {
            synchronized (this) {
                map = values;
                if (map == null) {
                    map = new ConcurrentHashMap<>(4);
                    values = map;
                }
            }
        }
        return map;
    }

    @Override
    public <T> Optional<T> put(Key<T> key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return Optional.ofNullable(key.type().cast(writable().put(key, key.type().cast(value))));
    }

    @Override
    public <T> Optional<T> get(Key<T> key) {
        ConcurrentHashMap<Key<?>, Object> map = values;
        return map == null ? Optional.empty() : Optional.ofNullable(key.type().cast(map.get(Objects.requireNonNull(key, "key"))));
    }

    @Override
    public <T> T computeIfAbsent(Key<T> key, Supplier<? extends T> initial) {
        Objects.requireNonNull(key, "key");
        return key.type().cast(writable().computeIfAbsent(key,
                k -> key.type().cast(Objects.requireNonNull(initial.get(), "initial value"))));
    }

    @Override
    public <T> Optional<T> remove(Key<T> key) {
        ConcurrentHashMap<Key<?>, Object> map = values;
        return map == null ? Optional.empty() : Optional.ofNullable(key.type().cast(map.remove(Objects.requireNonNull(key, "key"))));
    }
}
