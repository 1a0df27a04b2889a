package io.restmachine.dynamodb.embedded.value;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stored item that knows its size: the table computes an item's size once, when it stores it,
 * and every later read of the size ({@link DynamoValues#size(Map)}: the 1 MB page limit of a
 * Query or Scan, capacity units, the size bookkeeping of the next write to the same key) takes it
 * from here instead of walking the item again. Read-only, like every stored item.
 */
public final class SizedItem extends AbstractMap<String, DynamoValue> {
    private final Map<String, DynamoValue> values;
    private final long bytes;

    private SizedItem(Map<String, DynamoValue> values, long bytes) {
        this.values = Collections.unmodifiableMap(values);
        this.bytes = bytes;
    }

    /** {@code item} with its size, which the caller computed with {@link DynamoValues#size(Map)}. */
    public static SizedItem of(Map<String, DynamoValue> item, long bytes) {
        if (item instanceof SizedItem sized) {
            return sized;
        }
        return new SizedItem(item, bytes);
    }

    /** The item's size in bytes as DynamoDB counts it. */
    public long bytes() {
        return bytes;
    }

    @Override
    public Set<Entry<String, DynamoValue>> entrySet() {
        return values.entrySet();
    }

    @Override
    public @Nullable DynamoValue get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public int size() {
        return values.size();
    }
}
