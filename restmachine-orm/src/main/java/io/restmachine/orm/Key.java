package io.restmachine.orm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields that identify an item, by field name (not stored attribute name).
 *
 * <pre>{@code
 * Key key = Key.of("userId", "alice").and("orderId", "o1");
 * }</pre>
 *
 * <p>Immutable; {@link #and} returns a new key.
 */
public final class Key {
    private final Map<String, Object> fields;

    private Key(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** A key of one field. */
    public static Key of(String field, Object value) {
        return new Key(new LinkedHashMap<>()).and(field, value);
    }

    /** A key of the given fields, in the map's iteration order. */
    public static Key of(Map<String, ?> fields) {
        Key key = new Key(new LinkedHashMap<>());
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            key = key.and(e.getKey(), e.getValue());
        }
        return key;
    }

    /** This key with one more field; a field given twice keeps the later value. */
    public Key and(String field, Object value) {
        if (field == null) {
            throw new ValidationException(
                    "Key field name is null: pass the model's field name, e.g. Key.of(\"id\", 42)");
        }
        if (field.isBlank()) {
            throw new ValidationException(
                    "Key field name is blank: pass the model's field name, e.g. Key.of(\"id\", 42)");
        }
        if (value == null) {
            throw new ValidationException("Key field '" + field + "' is null: every key field needs a value");
        }
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return new Key(copy);
    }

    /** The fields, by field name, in the order they were added. */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "Key" + fields;
    }
}
