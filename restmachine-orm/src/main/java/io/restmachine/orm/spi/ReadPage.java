package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one {@link ReadRequest}.
 *
 * @param items the items that passed the filter, in DynamoDB's order (empty for a count)
 * @param lastEvaluatedKey where DynamoDB stopped, or null when the read is complete
 * @param count items that passed the filter
 * @param scannedCount items evaluated before the filter
 */
public record ReadPage(
        List<StoreItem> items, @Nullable Map<String, ItemValue> lastEvaluatedKey, int count, int scannedCount) {
    public ReadPage {
        items = List.copyOf(items);
        lastEvaluatedKey = lastEvaluatedKey == null ? null : Map.copyOf(lastEvaluatedKey);
    }
}
