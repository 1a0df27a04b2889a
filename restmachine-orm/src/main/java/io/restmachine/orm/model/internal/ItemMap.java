package io.restmachine.orm.model.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The map of one item or nested document while it is written. A model knows every attribute name
 * its items can have (its fields, then its key, entity type and index key attributes), so the
 * names are one array shared by all its items and each item holds only an array of values in
 * those slots, null where the item has no such attribute: writing an item allocates two objects,
 * the map and its values. A name outside the shared ones (put by other code) gives the map its
 * own copy of the names. An item has a few dozen attributes at most, so a scan comparing the
 * strings' cached hashes finds a name faster than hashing into buckets. Iteration follows the
 * slots, so a backend copies the item in the model's attribute order.
 *
 * @param <V> the value type; values are never null
 */
final class ItemMap<V> extends AbstractMap<String, V> {
    private String[] names;
    /** Whether {@link #names} is this map's own array, which it may add to. */
    private boolean ownNames;
    /** How many slots are named. */
    private int width;

    private Object[] values;
    private int size;

    /** A map with these slots, all empty; the array is shared and never changed. */
    ItemMap(String[] names) {
        this.names = names;
        this.width = names.length;
        this.values = new Object[names.length];
    }

    /** A map without slots, for names given by {@link #put}. */
    ItemMap(int expected) {
        int capacity = Math.max(expected, 2);
        this.names = new String[capacity];
        this.ownNames = true;
        this.values = new Object[capacity];
    }

    private int indexOf(@Nullable Object name) {
        if (!(name instanceof String s)) {
            return -1;
        }
        int h = s.hashCode();
        for (int i = 0; i < width; i++) {
            String n = names[i];
            // Attribute names are constants of the model, whose hash the string keeps after its first use.
            if (n == s || (n.hashCode() == h && n.equals(s))) {
                return i;
            }
        }
        return -1;
    }

    /** Sets the value of a slot (an index into the names the map was made with). */
    void set(int slot, V value) {
        if (values[slot] == null) {
            size++;
        }
        values[slot] = value;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        int i = indexOf(key);
        return i >= 0 && values[i] != null;
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
        Objects.requireNonNull(value, "an item's attribute values are never null");
        int i = indexOf(key);
        if (i >= 0) {
            V old = (V) values[i];
            set(i, value);
            return old;
        }
        if (!ownNames || width == names.length) {
            int capacity = Math.max(width * 2, 2);
            names = Arrays.copyOf(names, capacity);
            values = Arrays.copyOf(values, capacity);
            ownNames = true;
        }
        names[width] = key;
        values[width] = value;
        width++;
        size++;
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < width; i++) {
            Object v = values[i];
            if (v != null) {
                action.accept(names[i], (V) v);
            }
        }
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
                    /** The next slot that holds a value, or {@code width}. */
                    private int next = filled(0);

                    private int last = -1;

                    private int filled(int from) {
                        int i = from;
                        while (i < width && values[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < width;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= width) {
                            throw new NoSuchElementException();
                        }
                        last = next;
                        next = filled(next + 1);
                        return new SimpleImmutableEntry<>(names[last], (V) values[last]);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException("next() first");
                        }
                        values[last] = null;
                        size--;
                        last = -1;
                    }
                };
            }
        };
    }
}
