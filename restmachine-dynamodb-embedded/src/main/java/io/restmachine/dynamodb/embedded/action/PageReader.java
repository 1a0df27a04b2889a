package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads one page of a Query or Scan: walks the ordered entries, counting every item evaluated
 * against {@code Limit} and the 1 MB page size before the filter is applied (as DynamoDB does),
 * then filters, projects and renders {@code Items}, {@code Count}, {@code ScannedCount},
 * {@code LastEvaluatedKey} and {@code ConsumedCapacity}.
 */
public final class PageReader {
    static final long PAGE_SIZE = 1024 * 1024;

    /** {@code Select}: what a Query or Scan returns of each item. */
    public enum Select {
        ALL_ATTRIBUTES,
        ALL_PROJECTED_ATTRIBUTES,
        SPECIFIC_ATTRIBUTES,
        COUNT
    }

    /**
     * The paging members of a Query or Scan.
     *
     * @param limit {@code Limit}, 0 when absent
     * @param select {@code Select}, null when absent
     */
    public record Options(int limit, @Nullable Select select, boolean consistentRead, Capacity.Mode capacity) {}

    /**
     * One page: the items that passed the filter, projected (null for {@code Select=COUNT}), the
     * counts, the key to resume from when the page stopped early, and the consumed capacity.
     */
    public record Page(
            @Nullable List<Map<String, DynamoValue>> items,
            int count,
            int scannedCount,
            @Nullable Map<String, DynamoValue> lastEvaluatedKey,
            Capacity.@Nullable Consumed capacity) {}

    private final Table table;
    private final @Nullable IndexDefinition index;
    private final @Nullable ConditionExpression filter;
    private final Projection projection;
    private final Options options;

    PageReader(
            Table table,
            @Nullable IndexDefinition index,
            Options options,
            @Nullable ConditionExpression filter,
            Projection projection) {
        this.table = table;
        this.index = index;
        this.options = options;
        this.filter = filter;
        this.projection = projection;
    }

    /** The index named {@code name}, checked; null for the table. */
    static @Nullable IndexDefinition index(Table table, long nowMillis, @Nullable String name, boolean consistentRead) {
        if (name == null) {
            return null;
        }
        IndexDefinition index = table.definition()
                .index(name)
                .orElseThrow(() -> EngineException.validation("The table does not have the specified index: " + name));
        if (index.global() && consistentRead) {
            throw EngineException.validation("Consistent reads are not supported on global secondary indexes");
        }
        requireReadable(table, nowMillis, name);
        return index;
    }

    /**
     * A global index that UpdateTable is still adding cannot be read until it is ACTIVE, as DynamoDB
     * answers Query and Scan on it (writes go on maintaining it meanwhile).
     */
    static void requireReadable(Table table, long nowMillis, String index) {
        if (table.state(nowMillis)
                .filter(state -> state.backfillingAt(index, nowMillis))
                .isPresent()) {
            throw EngineException.validation("Cannot read from backfilling global secondary index: " + index);
        }
    }

    /**
     * Select and projections must agree, as DynamoDB checks before anything else.
     *
     * @param projection the projection member present ({@code ProjectionExpression} first), or null
     */
    public static void checkSelectAndProjection(@Nullable Select select, @Nullable String projection) {
        if (select == Select.SPECIFIC_ATTRIBUTES && projection == null) {
            throw EngineException.validation(
                    "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select != null && select != Select.SPECIFIC_ATTRIBUTES && projection != null) {
            throw EngineException.validation("1 validation error detected: Cannot specify the " + projection
                    + " when choosing to get " + select);
        }
    }

    /** DynamoDB's check that Select=ALL_ATTRIBUTES is possible on this index. */
    static void checkSelect(@Nullable IndexDefinition index, @Nullable Select select) {
        if (index != null && index.global() && !index.projectsAll() && select == Select.ALL_ATTRIBUTES) {
            throw EngineException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
                    + " not supported for global secondary index " + index.name()
                    + " because its projection type is not ALL");
        }
    }

    /** The names of the LastEvaluatedKey: the table's key, then the index's. */
    List<String> startKeyNames() {
        List<String> names = new ArrayList<>(table.definition().key().names());
        if (index != null) {
            for (String name : index.key().names()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The store key of an ExclusiveStartKey (already validated) in the map being read. */
    StoreKey startKey(Map<String, DynamoValue> start) {
        if (index == null) {
            return table.keyOf(start);
        }
        StoreKey key = table.indexKeyOf(index, start);
        if (key == null) {
            throw EngineException.validation("The provided starting key is invalid");
        }
        return key;
    }

    /** Reads from {@code entries} (already positioned and ordered) while {@code within} holds. */
    Page read(NavigableMap<StoreKey, Map<String, DynamoValue>> entries, Predicate<Map<String, DynamoValue>> within) {
        int limit = options.limit();
        int scanned = 0;
        long size = 0;
        long capacityBytes = 0;
        long fetchedBytes = 0;
        Map<String, DynamoValue> last = null;
        List<Map<String, DynamoValue>> matched = new ArrayList<>();
        boolean fetch = index != null && !index.projectsAll() && options.select() == Select.ALL_ATTRIBUTES;
        String rangeKey = table.definition().key().rangeName();
        for (Map<String, DynamoValue> entry : entries.values()) {
            if ((limit > 0 && scanned >= limit) || size >= PAGE_SIZE) {
                break;
            }
            if (!within.test(entry)) {
                break;
            }
            Map<String, DynamoValue> item = entry;
            if (fetch) {
                Map<String, DynamoValue> full = table.get(table.keyOf(entry));
                item = full == null ? entry : full;
            }
            scanned++;
            size += PageSize.of(item, rangeKey);
            capacityBytes += DynamoValues.size(entry);
            if (fetch) {
                // A local index read that fetches the whole item from the table is charged both reads.
                fetchedBytes += DynamoValues.size(item);
            }
            last = entry;
            if (filter == null || filter.test(item)) {
                matched.add(item);
            }
        }
        boolean more = last != null && ((limit > 0 && scanned >= limit) || size >= PAGE_SIZE);
        List<Map<String, DynamoValue>> items = null;
        if (options.select() != Select.COUNT) {
            items = new ArrayList<>(matched.size());
            for (Map<String, DynamoValue> item : matched) {
                items.add(projection.apply(item));
            }
        }
        Map<String, DynamoValue> lastKey = null;
        if (more) {
            lastKey = new LinkedHashMap<>();
            for (String name : startKeyNames()) {
                DynamoValue value = last.get(name);
                if (value != null) {
                    lastKey.put(name, value);
                }
            }
        }
        Capacity.Consumed capacity = null;
        if (options.capacity().wanted()) {
            double factor = options.consistentRead() ? 1 : 0.5;
            double units = Math.ceil(capacityBytes / 1024.0 / 4) * factor;
            double fetchedUnits = Math.ceil(fetchedBytes / 1024.0 / 4) * factor;
            capacity = new Capacity.Consumed(
                    table.name(),
                    units + fetchedUnits,
                    index == null ? units : fetchedUnits,
                    index == null ? null : index.name(),
                    index != null && index.global(),
                    options.capacity() == Capacity.Mode.INDEXES);
        }
        return new Page(items, matched.size(), scanned, lastKey, capacity);
    }
}
