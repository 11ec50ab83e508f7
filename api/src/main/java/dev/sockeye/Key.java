package dev.sockeye;

import java.util.Objects;

/**
 * A typed key of a connection's value store ({@link Connection#values()}), replacing Iris's
 * {@code SetValue}/{@code GetValue}/{@code GetValueString}... Keys compare by name and type;
 * declare them once as constants:
 * <pre>{@code
 * static final Key<String> USER = Key.of("user", String.class);
 * connection.values().put(USER, "ana");
 * String user = connection.values().get(USER).orElseThrow();
 * }</pre>
 *
 * @param name a name for debugging and equality
 * @param type the value type; values are checked against it when stored
 * @param <T>  the value type
 */
public record Key<T>(String name, Class<T> type) {

    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** @return a key */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type);
    }
}
