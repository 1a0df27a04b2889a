package io.restmachine.dynamodb.embedded.action;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ReturnItemCollectionMetrics}: for a write to a table with local secondary indexes, when the
 * request says {@code SIZE}, the partition key of the item collection written to and an estimate
 * of the collection's size as a range of whole gigabytes around it ({@code [0.0, 1.0]} for anything
 * under 1 GB). DynamoDB documents only a lower and an upper bound; whole-gigabyte bounds are the
 * engine's choice. Tables without local indexes get nothing.
 */
final class ItemCollections {
    private static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;

    private ItemCollections() {}

    /** Whether the request asked for item collection metrics. */
    static boolean wanted(JsonNode request) {
        return "SIZE".equals(Requests.optionalText(request, "ReturnItemCollectionMetrics"));
    }

    /** Writes {@code "ItemCollectionMetrics": {...}} when asked for and the table has local indexes. */
    static void writeField(JsonGenerator out, JsonNode request, Table table, StoreKey key) throws IOException {
        if (wanted(request) && table.hasItemCollections()) {
            out.writeFieldName("ItemCollectionMetrics");
            writeObject(out, table, key);
        }
    }

    /** The metrics of one item collection. */
    static void writeObject(JsonGenerator out, Table table, StoreKey key) throws IOException {
        out.writeStartObject();
        out.writeFieldName("ItemCollectionKey");
        AttributeJson.writeItem(out, Map.of(table.definition().key().hashName(), key.partition()));
        double low = Math.floor(table.collectionSize(key) / BYTES_PER_GB);
        out.writeArrayFieldStart("SizeEstimateRangeGB");
        out.writeNumber(low);
        out.writeNumber(low + 1);
        out.writeEndArray();
        out.writeEndObject();
    }

    /**
     * Per-table metrics of a batch or transaction: collects the collections written to, then
     * writes {@code "ItemCollectionMetrics": {"table": [...]}} if any table has local indexes.
     */
    static final class PerTable {
        private final Map<Table, List<StoreKey>> written = new LinkedHashMap<>();

        void add(Table table, StoreKey key) {
            if (table.hasItemCollections()) {
                written.computeIfAbsent(table, t -> new ArrayList<>()).add(key);
            }
        }

        void writeField(JsonGenerator out, JsonNode request) throws IOException {
            if (!wanted(request) || written.isEmpty()) {
                return;
            }
            out.writeObjectFieldStart("ItemCollectionMetrics");
            for (Map.Entry<Table, List<StoreKey>> entry : written.entrySet()) {
                out.writeArrayFieldStart(entry.getKey().name());
                for (StoreKey key : entry.getValue()) {
                    writeObject(out, entry.getKey(), key);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
    }
}
