package io.restmachine.dynamodb.embedded.protocol;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The members of one request structure after {@link RequestDecoder} has type-checked them against
 * their {@link Shape.Struct}: only declared, non-null members, in the shape's order. Values are
 * {@code String} (strings and base64 blobs), {@code Boolean}, {@code Long}/{@code BigInteger}/
 * {@code Double} (numbers), {@code List<Object>}, {@code Map<String, Object>}, nested
 * {@code Fields} and {@link RawAttribute}s; elements of lists and maps may be {@code null}.
 *
 * <p>Only the protocol layer sees it: the per-action decoders read it into the typed request
 * records the actions take.
 */
public final class Fields {
    static final Fields EMPTY = new Fields(Map.of());

    private final Map<String, Object> values;

    Fields(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The members, in the shape's order. */
    public Map<String, Object> values() {
        return values;
    }

    public boolean has(String member) {
        return values.containsKey(member);
    }

    public @Nullable Object get(String member) {
        return values.get(member);
    }

    /** A string member (or the text of any scalar), null when absent. */
    public @Nullable String string(String member) {
        Object value = values.get(member);
        return value == null ? null : Wire.text(value);
    }

    /** A string member, or "" when absent. */
    public String text(String member) {
        String value = string(member);
        return value == null ? "" : value;
    }

    /** A boolean member: true only when present and true. */
    public boolean flag(String member) {
        return values.get(member) instanceof Boolean b && b;
    }

    /** A boolean member, null when absent. */
    public @Nullable Boolean bool(String member) {
        return values.get(member) instanceof Boolean b ? b : null;
    }

    /**
     * An integer member as Jackson's {@code asInt} reads it (a long wraps to 32 bits, a double is
     * truncated), null when absent.
     */
    public @Nullable Integer integer(String member) {
        Object value = values.get(member);
        if (value == null) {
            return null;
        }
        if (value instanceof Long l) {
            return (int) l.longValue();
        }
        if (value instanceof BigInteger b) {
            return b.intValue();
        }
        return (int) ((Number) value).doubleValue();
    }

    /** A long member, null when absent. */
    public @Nullable Long longValue(String member) {
        Object value = values.get(member);
        if (value == null) {
            return null;
        }
        return value instanceof Double d ? (long) d.doubleValue() : ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    public @Nullable List<Object> list(String member) {
        return (List<Object>) values.get(member);
    }

    @SuppressWarnings("unchecked")
    public @Nullable Map<String, Object> map(String member) {
        return (Map<String, Object>) values.get(member);
    }

    public @Nullable Fields struct(String member) {
        return (Fields) values.get(member);
    }

    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fields other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return Wire.json(this);
    }
}
