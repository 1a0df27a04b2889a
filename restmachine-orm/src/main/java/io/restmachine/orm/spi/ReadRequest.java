package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One DynamoDB Query (when {@code keyCondition} is set) or Scan (when it is null) call. The core
 * loops over these to fill pages; a backend sends exactly one request per call.
 *
 * @param indexName a global secondary index, or null for the table
 * @param keyCondition the key condition expression; null means Scan
 * @param filter a filter expression, or null
 * @param projection a projection expression, or null for all attributes
 * @param scanForward ascending sort-key order (Query only)
 * @param consistentRead strongly consistent read (not allowed on a GSI)
 * @param limit DynamoDB's {@code Limit}: items evaluated before the filter, or null for none
 * @param exclusiveStartKey where to resume, or null to start at the beginning
 * @param countOnly {@code Select=COUNT}: the page carries counts and no items
 */
public record ReadRequest(
        @Nullable String indexName,
        @Nullable Expr keyCondition,
        @Nullable Expr filter,
        @Nullable Expr projection,
        boolean scanForward,
        boolean consistentRead,
        @Nullable Integer limit,
        @Nullable Map<String, ItemValue> exclusiveStartKey,
        boolean countOnly) {

    public ReadRequest {
        exclusiveStartKey = exclusiveStartKey == null ? null : Map.copyOf(exclusiveStartKey);
    }

    /** Whether this request is a Query (else a Scan). */
    public boolean isQuery() {
        return keyCondition != null;
    }
}
