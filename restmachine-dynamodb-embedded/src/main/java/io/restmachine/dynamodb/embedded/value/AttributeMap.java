package io.restmachine.dynamodb.embedded.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map of attribute names to values, in the order given, held in three arrays
 * (names, their hash codes, values): the form of a stored item ({@link SizedItem}) and of an
 * {@link DynamoValue.M M} value. A table holds every item for as long as it lives, so the form is
 * chosen for memory: a 13-attribute item costs 4 objects and about 200 bytes here against 18
 * objects and about 750 bytes as an unmodifiable {@code LinkedHashMap}, which the garbage
 * collector copies out of the young generation and marks in the old one for every item written.
 * Lookups scan the hash codes, which for maps of a few dozen attributes is as fast as hashing;
 * larger maps (up to tens of thousands of members in a 400 KB item) also get an open-addressing
 * table of positions, so that a lookup never costs more than a hash probe.
 */
sealed class AttributeMap extends AbstractMap<String, DynamoValue> permits SizedItem {
    private static final String[] NO_NAMES = new String[0];
    private static final DynamoValue[] NO_VALUES = new DynamoValue[0];
    private static final int[] NO_HASHES = new int[0];
    /** The most members a lookup scans; larger maps get a {@link #table}. */
    private static final int SCANNED = 32;

    private final String[] names;
    private final int[] hashes;
    private final DynamoValue[] values;
    /** Positions + 1 by hash (linear probing, a power of two long), for maps over {@link #SCANNED}; else null. */
    private final int @Nullable [] table;

    /** A copy of {@code source}, in its iteration order. */
    AttributeMap(Map<String, DynamoValue> source) {
        int size = source.size();
        String[] names = size == 0 ? NO_NAMES : new String[size];
        int[] hashes = size == 0 ? NO_HASHES : new int[size];
        DynamoValue[] values = size == 0 ? NO_VALUES : new DynamoValue[size];
        int i = 0;
        for (Entry<String, DynamoValue> entry : source.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "attribute name");
            names[i] = name;
            hashes[i] = name.hashCode();
            values[i] = entry.getValue();
            i++;
        }
        this.names = names;
        this.hashes = hashes;
        this.values = values;
        this.table = size > SCANNED ? table(hashes) : null;
    }

    private static int[] table(int[] hashes) {
        int[] table = new int[Integer.highestOneBit(hashes.length * 2 - 1) * 2];
        int mask = table.length - 1;
        for (int i = 0; i < hashes.length; i++) {
            int slot = spread(hashes[i]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
        return table;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** {@code source} itself if it is already in this form, else a copy in its iteration order. */
    static Map<String, DynamoValue> copyOf(Map<String, DynamoValue> source) {
        return source.getClass() == AttributeMap.class ? source : new AttributeMap(source);
    }

    private int indexOf(@Nullable Object key) {
        if (!(key instanceof String name)) {
            return -1;
        }
        int hash = name.hashCode();
        int[] table = this.table;
        if (table != null) {
            int mask = table.length - 1;
            for (int slot = spread(hash) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
                int i = table[slot] - 1;
                if (hashes[i] == hash && name.equals(names[i])) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == hash && name.equals(names[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public @Nullable DynamoValue get(@Nullable Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean isEmpty() {
        return names.length == 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super DynamoValue> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, DynamoValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, DynamoValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, DynamoValue> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
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
