package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A whole item crossing the {@link Store} seam: its attribute values held in one {@link
 * ValueFormat}, the backend's own or the neutral {@link ItemValue}. Neither side copies an item:
 * the core writes a model straight into the store's format and a store takes those values as they
 * are ({@link #valuesIn}); a store returns its response values as they are and the core reads a
 * model straight from them ({@link #read}). Everyone else reads neutral values one attribute at a
 * time ({@link #get}, {@link #string}) or as a copy ({@link #toMap}).
 *
 * <pre>{@code
 * StoreItem item = StoreItem.of(sdkItem, SdkValueFormat.INSTANCE);
 * Map<String, AttributeValue> same = item.valuesIn(SdkValueFormat.INSTANCE); // sdkItem itself
 * Map<String, AttributeValue> none = item.valuesIn(otherFormat);            // null: convert
 * }</pre>
 *
 * <p>A store item is read-only; equality compares the neutral values, whatever their format.
 */
public final class StoreItem {
    private final Map<String, Object> values;
    private final ValueFormat<Object> format;

    @SuppressWarnings("unchecked")
    private <V> StoreItem(Map<String, V> values, ValueFormat<V> format) {
        this.values = (Map<String, Object>) Objects.requireNonNull(values, "values");
        this.format = (ValueFormat<Object>) Objects.requireNonNull(format, "format");
    }

    /**
     * An item of values in the given format, kept as they are: the caller must not change the map
     * afterwards.
     */
    public static <V> StoreItem of(Map<String, V> values, ValueFormat<V> format) {
        return new StoreItem(values, format);
    }

    /** An item of neutral values; the map is copied, so the caller may go on changing it. */
    public static StoreItem neutral(Map<String, ItemValue> values) {
        return new StoreItem(Collections.unmodifiableMap(new LinkedHashMap<>(values)), ValueFormat.neutral());
    }

    /** Reads the values of an item in their own format; see {@link #read}. */
    public interface Reader<R> {
        <V> R read(Map<String, V> values, ValueFormat<V> format);
    }

    /** What the reader makes of the values in their own format, without a copy (it must not change them). */
    public <R> R read(Reader<R> reader) {
        return reader.read(values, format);
    }

    /**
     * The values themselves (no copy, not to be changed) when the item is held in the given format,
     * else null: the caller converts them through {@link #get} or {@link #toMap}.
     */
    @SuppressWarnings("unchecked")
    public <V> @Nullable Map<String, V> valuesIn(ValueFormat<V> format) {
        return this.format == format ? (Map<String, V>) values : null;
    }

    /** The format the values are held in. */
    public ValueFormat<?> format() {
        return format;
    }

    /** The neutral form of one attribute, or null when the item has none of that name. */
    public @Nullable ItemValue get(String name) {
        Object v = values.get(name);
        return v == null ? null : format.toItemValue(v);
    }

    /** The text of an {@code S} attribute, or null when it is absent or of another type. */
    public @Nullable String string(String name) {
        Object v = values.get(name);
        return v == null ? null : format.asString(v);
    }

    /** Whether the item has an attribute of that name. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The attribute names. */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The number of attributes. */
    public int size() {
        return values.size();
    }

    /** Whether the item has no attributes (an UpdateItem answer without attributes). */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A copy of the item in neutral values, in the item's attribute order. */
    public Map<String, ItemValue> toMap() {
        Map<String, ItemValue> out = new LinkedHashMap<>(values.size() * 2);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out.put(e.getKey(), format.toItemValue(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreItem other && toMap().equals(other.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
