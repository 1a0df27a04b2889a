package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A query's key condition, split into the partition-key equality and an optional sort-key
 * condition. The engine checks the values' types against the table's key schema.
 *
 * @param hashKey the partition key attribute name
 * @param hashValue the partition key value the query is for
 * @param sort the sort key condition, or null for all items of the partition
 */
public record KeyCondition(String hashKey, DynamoValue hashValue, @Nullable SortKeyCondition sort) {
    public KeyCondition {
        Objects.requireNonNull(hashKey, "hashKey");
        Objects.requireNonNull(hashValue, "hashValue");
    }

    /** Whether an item's key values satisfy the condition; null values never match. */
    public boolean matches(@Nullable DynamoValue hash, @Nullable DynamoValue range) {
        if (hash == null || !hash.equals(hashValue)) {
            return false;
        }
        return sort == null || (range != null && sort.matches(range));
    }
}
