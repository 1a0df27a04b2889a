package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An item held in a backend's own value type, seen as a read-only map of {@link ItemValue}s. The
 * core and a backend pass items this way so that neither copies them: a backend takes {@link
 * #stored()} as they are when the format is its own ({@link #valuesIn}), and the core reads a model
 * instance straight from them; everyone else sees neutral values, converted on each access.
 *
 * <pre>{@code
 * Map<String, ItemValue> item = FormattedItem.of(sdkItem, SdkValueFormat.INSTANCE);
 * Map<String, AttributeValue> same = FormattedItem.valuesIn(item, SdkValueFormat.INSTANCE);
 * }</pre>
 *
 * @param <V> the backend's attribute value type
 */
public final class FormattedItem<V> extends AbstractMap<String, ItemValue> {
    private final Map<String, V> values;
    private final ValueFormat<V> format;
    private @Nullable Set<Entry<String, ItemValue>> entries;

    private FormattedItem(Map<String, V> values, ValueFormat<V> format) {
        this.values = values;
        this.format = format;
    }

    /**
     * The item as neutral values: the map itself when the format is {@link ValueFormat#neutral()},
     * else a view over it (which the caller must not change afterwards).
     */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, ItemValue> of(Map<String, V> values, ValueFormat<V> format) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(format, "format");
        if (format == ValueFormat.neutral()) {
            return (Map<String, ItemValue>) values;
        }
        return new FormattedItem<>(values, format);
    }

    /**
     * The values of an item in the given format without a copy, if the item is held in it (a
     * neutral map in the neutral format, or a view of this format); else null.
     */
    @SuppressWarnings("unchecked")
    public static <V> @Nullable Map<String, V> valuesIn(Map<String, ItemValue> item, ValueFormat<V> format) {
        if (item instanceof FormattedItem<?> formatted) {
            return formatted.format == format ? (Map<String, V>) formatted.values : null;
        }
        return format == ValueFormat.neutral() ? (Map<String, V>) item : null;
    }

    /**
     * An unmodifiable copy of an item, for values that keep one: a view is returned as it is (it is
     * read-only, and its values belong to it), so an item written in a backend's format reaches the
     * backend without being converted.
     */
    public static Map<String, ItemValue> copyOf(Map<String, ItemValue> item) {
        return item instanceof FormattedItem<?> ? item : Map.copyOf(item);
    }

    /** The values in the backend's type. */
    public Map<String, V> stored() {
        return values;
    }

    /** The format of the values. */
    public ValueFormat<V> format() {
        return format;
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public @Nullable ItemValue get(Object key) {
        V v = values.get(key);
        return v == null ? null : format.toItemValue(v);
    }

    @Override
    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    @Override
    public Set<Entry<String, ItemValue>> entrySet() {
        Set<Entry<String, ItemValue>> e = entries;
        if (e == null) {
            e = new Entries();
            entries = e;
        }
        return e;
    }

    private final class Entries extends AbstractSet<Entry<String, ItemValue>> {
        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Iterator<Entry<String, ItemValue>> iterator() {
            Iterator<Entry<String, V>> it = values.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Entry<String, ItemValue> next() {
                    Entry<String, V> e = it.next();
                    return new SimpleImmutableEntry<>(e.getKey(), format.toItemValue(e.getValue()));
                }
            };
        }
    }
}
