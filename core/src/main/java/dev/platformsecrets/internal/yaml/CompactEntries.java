package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.internal.hash.HashSlots;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map with string keys that keeps insertion order in two arrays, with a hash index
 * for maps too large to search from end to end: a fraction of the memory of a
 * {@link java.util.LinkedHashMap}, which matters for values trees of many small maps.
 *
 * <p>Neither keys nor values may be null.
 *
 * @param <V> the type of the values
 */
public final class CompactEntries<V> extends AbstractMap<String, V> {

    /** Up to this many entries a lookup compares keys one by one, without an index. */
    private static final int SCANNED = 8;
    private static final int[] NO_INDEX = new int[0];
    private static final CompactEntries<?> EMPTY = new CompactEntries<>(new String[0], new Object[0], 0);

    private final String[] keys;
    private final Object[] values;
    /** Open addressing: entry position + 1, 0 for a free slot; empty for small maps. */
    private final int[] index;

    private CompactEntries(String[] keys, Object[] values, int size) {
        this.keys = keys.length == size ? keys : Arrays.copyOf(keys, size);
        this.values = values.length == size ? values : Arrays.copyOf(values, size);
        this.index = indexOf(this.keys, size);
    }

    /** The entries of {@code map}, in its iteration order. */
    public static <V> CompactEntries<V> copyOf(Map<String, ? extends V> map) {
        Builder<V> builder = new Builder<>(map.size());
        for (Map.Entry<String, ? extends V> entry : map.entrySet()) {
            builder.put(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return position(keys, index, key) >= 0;
    }

    @Override
    public V get(Object key) {
        int at = position(keys, index, key);
        return at < 0 ? null : value(at);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], value(i));
        }
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, V> entry = new SimpleImmutableEntry<>(keys[next], value(next));
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private V value(int at) {
        return (V) values[at];
    }

    private static int[] indexOf(String[] keys, int size) {
        if (size <= SCANNED) {
            return NO_INDEX;
        }
        int[] index = new int[Integer.highestOneBit(size * 2 - 1) << 1];
        for (int i = 0; i < size; i++) {
            index[HashSlots.freeSlot(index, keys[i].hashCode())] = i + 1;
        }
        return index;
    }

    /** Where {@code key} is among the first {@code keys.length} keys, or -1. */
    private static int position(String[] keys, int[] index, Object key) {
        return position(keys, keys.length, index, key);
    }

    private static int position(String[] keys, int size, int[] index, Object key) {
        if (index.length == 0) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        if (key == null) {
            return -1;
        }
        for (int slot = HashSlots.slot(key.hashCode(), index.length); index[slot] != 0;
                slot = HashSlots.next(slot, index.length)) {
            int at = index[slot] - 1;
            if (keys[at].equals(key)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Collects entries in order, refusing a key it already holds.
     *
     * @param <V> the type of the values
     */
    public static final class Builder<V> {
        private String[] keys;
        private Object[] values;
        private int[] index = NO_INDEX;
        private int size;

        /** A builder with room for {@code expected} entries before it grows. */
        public Builder(int expected) {
            keys = new String[Math.max(expected, 4)];
            values = new Object[keys.length];
        }

        /** Whether {@code key} has been put. */
        public boolean containsKey(String key) {
            return position(keys, size, index, key) >= 0;
        }

        /** Puts a key the builder does not hold yet and returns true; returns false for a key it holds. */
        public boolean put(String key, V value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (containsKey(key)) {
                return false;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            if (size > SCANNED && size * 2 > index.length) {
                index = indexOf(keys, size);
            } else if (size > SCANNED) {
                index[HashSlots.freeSlot(index, key.hashCode())] = size;
            }
            return true;
        }

        /** The map of the entries put so far. */
        @SuppressWarnings("unchecked")
        public CompactEntries<V> build() {
            return size == 0 ? (CompactEntries<V>) EMPTY : new CompactEntries<>(keys, values, size);
        }
    }
}
