package io.restmachine.orm.model.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The map of one item or nested document while it is written: attribute names and values in two
 * arrays, in insertion order. An item has a few dozen attributes at most, so a scan comparing the
 * strings' cached hashes finds a name faster than hashing into buckets, and building and iterating (a
 * backend copies the item into its request) allocate two arrays instead of a node per entry.
 *
 * @param <V> the value type
 */
final class ItemMap<V> extends AbstractMap<String, V> {
    private String[] names;
    private Object[] values;
    private int size;

    ItemMap(int expected) {
        int capacity = Math.max(expected, 2);
        names = new String[capacity];
        values = new Object[capacity];
    }

    private int indexOf(@Nullable Object name) {
        if (!(name instanceof String s)) {
            return -1;
        }
        int h = s.hashCode();
        for (int i = 0; i < size; i++) {
            String n = names[i];
            // Attribute names are constants of the model, whose hash the string keeps after its first use.
            if (n == s || (n.hashCode() == h && n.equals(s))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable V get(@Nullable Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable V put(String key, V value) {
        int i = indexOf(key);
        if (i >= 0) {
            V old = (V) values[i];
            values[i] = value;
            return old;
        }
        append(key, value);
        return null;
    }

    /**
     * Adds an entry whose name is known not to be in the map yet: the model checked when it was
     * built that attribute names are unique and that none is a key or entity type attribute.
     */
    void append(String key, V value) {
        if (size == names.length) {
            int capacity = size * 2;
            names = Arrays.copyOf(names, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        names[size] = key;
        values[size] = value;
        size++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], (V) values[i]);
        }
    }

    private void removeAt(int i) {
        int tail = size - i - 1;
        System.arraycopy(names, i + 1, names, i, tail);
        System.arraycopy(values, i + 1, values, i, tail);
        size--;
        names[size] = null;
        values[size] = null;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new SimpleImmutableEntry<>(names[last], (V) values[last]);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException("next() first");
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }
        };
    }
}
