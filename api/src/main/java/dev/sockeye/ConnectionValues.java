package dev.sockeye;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A connection's own values, by typed {@link Key}: who the user is, what it subscribed to, and so
 * on. Lives as long as the connection. Thread-safe: any thread may read and write; each operation is
 * atomic. {@code null} values are not stored.
 */
public interface ConnectionValues {

    /**
     * Stores a value.
     *
     * @return the previous value, if any
     * @throws ClassCastException if {@code value} is not a {@code key.type()}
     */
    <T> Optional<T> put(Key<T> key, T value);

    /** @return the value, if one is stored */
    <T> Optional<T> get(Key<T> key);

    /** @return the stored value, storing {@code initial.get()} first if there is none (atomically) */
    <T> T computeIfAbsent(Key<T> key, Supplier<? extends T> initial);

    /** @return the removed value, if any */
    <T> Optional<T> remove(Key<T> key);
}
