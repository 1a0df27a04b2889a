package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code ReturnItemCollectionMetrics}: for a write to a table with local secondary indexes, when the
 * request says {@code SIZE}, the partition key of the item collection written to and an estimate
 * of the collection's size as a range of whole gigabytes around it ({@code [0.0, 1.0]} for anything
 * under 1 GB). DynamoDB documents only a lower and an upper bound; whole-gigabyte bounds are the
 * engine's choice. Tables without local indexes get nothing.
 */
public final class ItemCollections {
    private static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;

    private ItemCollections() {}

    /** The size estimate of one item collection: its partition key, and whole gigabytes from {@code lowGb}. */
    public record Metrics(Map<String, DynamoValue> key, double lowGb) {}

    /** The metrics of the collection {@code key} is in, when {@code wanted} and the table has local indexes. */
    static @Nullable Metrics metrics(boolean wanted, Table table, StoreKey key) {
        return wanted && table.hasItemCollections() ? metrics(table, key) : null;
    }

    static Metrics metrics(Table table, StoreKey key) {
        return new Metrics(
                Map.of(table.definition().key().hashName(), key.partition()),
                Math.floor(table.collectionSize(key) / BYTES_PER_GB));
    }

    /**
     * Per-table metrics of a batch or transaction: collects the collections written to, then gives
     * their metrics by table if any table has local indexes.
     */
    static final class PerTable {
        private final Map<Table, List<StoreKey>> written = new LinkedHashMap<>();

        void add(Table table, StoreKey key) {
            if (table.hasItemCollections()) {
                written.computeIfAbsent(table, t -> new ArrayList<>()).add(key);
            }
        }

        /** The metrics by table, or null when not {@code wanted} or no table has local indexes. */
        @Nullable
        Map<String, List<Metrics>> result(boolean wanted) {
            if (!wanted || written.isEmpty()) {
                return null;
            }
            Map<String, List<Metrics>> result = new LinkedHashMap<>();
            for (Map.Entry<Table, List<StoreKey>> entry : written.entrySet()) {
                List<Metrics> metrics = new ArrayList<>();
                for (StoreKey key : entry.getValue()) {
                    metrics.add(metrics(entry.getKey(), key));
                }
                result.put(entry.getKey().name(), metrics);
            }
            return result;
        }
    }
}
