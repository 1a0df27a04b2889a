package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The key of a table or index: a partition (hash) attribute and an optional sort (range)
 * attribute, each with its scalar type ({@code S}, {@code N} or {@code B}).
 */
public record KeySchema(String hashName, String hashType, @Nullable String rangeName, @Nullable String rangeType) {
    public KeySchema {
        Objects.requireNonNull(hashName, "hashName");
        Objects.requireNonNull(hashType, "hashType");
    }

    /** The key attribute names, partition key first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(2);
        names.add(hashName);
        if (rangeName != null) {
            names.add(rangeName);
        }
        return names;
    }

    /** Whether {@code name} is one of this schema's key attributes. */
    public boolean contains(String name) {
        return hashName.equals(name) || name.equals(rangeName);
    }

    /** The key attributes of {@code item} (which must have them). */
    public Map<String, DynamoValue> keyOf(Map<String, DynamoValue> item) {
        Map<String, DynamoValue> key = new LinkedHashMap<>(4);
        key.put(hashName, item.get(hashName));
        if (rangeName != null) {
            key.put(rangeName, item.get(rangeName));
        }
        return key;
    }

    /** The type of key attribute {@code name}. */
    public String typeOf(String name) {
        return name.equals(hashName) ? hashType : Objects.requireNonNull(rangeType);
    }
}
