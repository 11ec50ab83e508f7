package dev.sockeye;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The immutable name → values map of a {@link Handshake}: headers (names matched
 * case-insensitively, sorted that way, values of names differing only in case merged) and query
 * parameters (names matched exactly, in request order).
 *
 * <p>Every connection keeps its handshake for its lifetime, so the map is two arrays rather than
 * a hash or tree map: a name's single value is kept as the string itself and its one-element list
 * is made when asked for. Lookups are linear, which beats hashing for the dozen or so names of an
 * upgrade request. Immutable, hence safe to share between threads.
 */
final class MultiValueMap extends AbstractMap<String, List<String>> {

    private final String[] names;
    /** A {@code String} for a single value, else an immutable {@code List<String>}. */
    private final Object[] values;
    private final boolean ignoreCase;

    private MultiValueMap(String[] names, Object[] values, boolean ignoreCase) {
        this.names = names;
        this.values = values;
        this.ignoreCase = ignoreCase;
    }

    /** @return the headers of {@code source}: sorted and matched case-insensitively, duplicates merged */
    static Map<String, List<String>> headers(Map<String, List<String>> source) {
        return copy(source, true);
    }

    /** @return the query parameters of {@code source}, in its order, matched exactly */
    static Map<String, List<String>> parameters(Map<String, List<String>> source) {
        return copy(source, false);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source, boolean ignoreCase) {
        if (source instanceof MultiValueMap compact && compact.ignoreCase == ignoreCase) {
            return compact;
        }
        if (source.isEmpty()) {
            return Map.of();
        }
        List<String> names = new ArrayList<>(source.size());
        List<List<String>> values = new ArrayList<>(source.size());
        source.forEach((name, list) -> {
            List<String> copied = List.copyOf(list);
            int existing = indexOf(names, name, ignoreCase);
            if (existing < 0) {
                names.add(name);
                values.add(copied);
            } else {
                List<String> merged = new ArrayList<>(values.get(existing));
                merged.addAll(copied);
                values.set(existing, List.copyOf(merged));
            }
        });
        Integer[] order = new Integer[names.size()];
        Arrays.setAll(order, i -> i);
        if (ignoreCase) {
            Arrays.sort(order, (a, b) -> String.CASE_INSENSITIVE_ORDER.compare(names.get(a), names.get(b)));
        }
        String[] sortedNames = new String[order.length];
        Object[] sortedValues = new Object[order.length];
        for (int i = 0; i < order.length; i++) {
            List<String> list = values.get(order[i]);
            sortedNames[i] = names.get(order[i]);
            sortedValues[i] = list.size() == 1 ? list.get(0) : list;
        }
        return new MultiValueMap(sortedNames, sortedValues, ignoreCase);
    }

    private static int indexOf(List<String> names, String name, boolean ignoreCase) {
        for (int i = 0; i < names.size(); i++) {
            if (ignoreCase ? names.get(i).equalsIgnoreCase(name) : names.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(Object key) {
        if (key instanceof String name) {
            for (int i = 0; i < names.length; i++) {
                if (ignoreCase ? names[i].equalsIgnoreCase(name) : names[i].equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private List<String> valuesAt(int index) {
        Object value = values[index];
        return value instanceof String single ? List.of(single) : (List<String>) value;
    }

    @Override
    public List<String> get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : valuesAt(index);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, List<String>>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, List<String>> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(names[index], valuesAt(index));
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
