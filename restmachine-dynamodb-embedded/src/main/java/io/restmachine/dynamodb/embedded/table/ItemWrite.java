package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One item change: in {@code table}, the item under {@code key} goes from {@code before} to
 * {@code after} (null for absent). The unit that {@link Database#commit} applies and logs.
 */
public record ItemWrite(
        Table table,
        StoreKey key,
        @Nullable Map<String, DynamoValue> before,
        @Nullable Map<String, DynamoValue> after) {
    public ItemWrite {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
    }
}
