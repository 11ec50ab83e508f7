package dev.sockeye.impl.session;

import dev.sockeye.ConnectionValues;
import dev.sockeye.Key;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** A connection's value store over a concurrent map; values are type-checked against their key. */
public final class MapConnectionValues implements ConnectionValues {

    private final ConcurrentHashMap<Key<?>, Object> values = new ConcurrentHashMap<>(4);

    @Override
    public <T> Optional<T> put(Key<T> key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return Optional.ofNullable(key.type().cast(values.put(key, key.type().cast(value))));
    }

    @Override
    public <T> Optional<T> get(Key<T> key) {
        return Optional.ofNullable(key.type().cast(values.get(key)));
    }

    @Override
    public <T> T computeIfAbsent(Key<T> key, Supplier<? extends T> initial) {
        return key.type().cast(values.computeIfAbsent(key,
                k -> key.type().cast(Objects.requireNonNull(initial.get(), "initial value"))));
    }

    @Override
    public <T> Optional<T> remove(Key<T> key) {
        return Optional.ofNullable(key.type().cast(values.remove(key)));
    }
}
