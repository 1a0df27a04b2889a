package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.action.Capacity;
import io.restmachine.dynamodb.embedded.action.GetItem;
import io.restmachine.dynamodb.embedded.action.ItemCollections;
import io.restmachine.dynamodb.embedded.action.PageReader;
import io.restmachine.dynamodb.embedded.action.WriteResult;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders the actions' result records as DynamoDB's JSON responses. */
public final class Responses {
    private Responses() {}

    /** The response of PutItem, DeleteItem and UpdateItem. */
    static void write(JsonGenerator out, WriteResult result) throws IOException {
        out.writeStartObject();
        if (result.attributes() != null) {
            out.writeFieldName("Attributes");
            AttributeJson.writeItem(out, result.attributes());
        }
        writeCapacity(out, result.capacity());
        if (result.metrics() != null) {
            out.writeFieldName("ItemCollectionMetrics");
            writeMetrics(out, result.metrics());
        }
        out.writeEndObject();
    }

    static void get(JsonGenerator out, GetItem.Result result) throws IOException {
        out.writeStartObject();
        if (result.item() != null) {
            out.writeFieldName("Item");
            AttributeJson.writeItem(out, result.item());
        }
        writeCapacity(out, result.capacity());
        out.writeEndObject();
    }

    /** The response of Query and Scan. */
    static void page(JsonGenerator out, PageReader.Page page) throws IOException {
        out.writeStartObject();
        if (page.items() != null) {
            out.writeArrayFieldStart("Items");
            for (Map<String, DynamoValue> item : page.items()) {
                AttributeJson.writeItem(out, item);
            }
            out.writeEndArray();
        }
        out.writeNumberField("Count", page.count());
        out.writeNumberField("ScannedCount", page.scannedCount());
        if (page.lastEvaluatedKey() != null) {
            out.writeFieldName("LastEvaluatedKey");
            AttributeJson.writeItem(out, page.lastEvaluatedKey());
        }
        writeCapacity(out, page.capacity());
        out.writeEndObject();
    }

    /** {@code "ConsumedCapacity": {...}}, when there is one. */
    public static void writeCapacity(JsonGenerator out, Capacity.@Nullable Consumed capacity) throws IOException {
        if (capacity != null) {
            out.writeFieldName("ConsumedCapacity");
            writeCapacityObject(out, capacity);
        }
    }

    public static void writeCapacityObject(JsonGenerator out, Capacity.Consumed capacity) throws IOException {
        out.writeStartObject();
        writeUnits(out, capacity.units());
        out.writeStringField("TableName", capacity.tableName());
        if (capacity.perIndex()) {
            out.writeObjectFieldStart("Table");
            writeUnits(out, capacity.tableUnits());
            out.writeEndObject();
            if (capacity.indexName() != null) {
                out.writeObjectFieldStart(capacity.globalIndex() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
                out.writeObjectFieldStart(capacity.indexName());
                writeUnits(out, capacity.units() - capacity.tableUnits());
                out.writeEndObject();
                out.writeEndObject();
            }
        }
        out.writeEndObject();
    }

    /** {@code "CapacityUnits": n}, written as an integer when it is one (as DynamoDB does). */
    private static void writeUnits(JsonGenerator out, double units) throws IOException {
        if (units == Math.rint(units)) {
            out.writeNumberField("CapacityUnits", (long) units);
        } else {
            out.writeNumberField("CapacityUnits", units);
        }
    }

    /** The metrics of one item collection. */
    public static void writeMetrics(JsonGenerator out, ItemCollections.Metrics metrics) throws IOException {
        out.writeStartObject();
        out.writeFieldName("ItemCollectionKey");
        AttributeJson.writeItem(out, metrics.key());
        out.writeArrayFieldStart("SizeEstimateRangeGB");
        out.writeNumber(metrics.lowGb());
        out.writeNumber(metrics.lowGb() + 1);
        out.writeEndArray();
        out.writeEndObject();
    }
}
