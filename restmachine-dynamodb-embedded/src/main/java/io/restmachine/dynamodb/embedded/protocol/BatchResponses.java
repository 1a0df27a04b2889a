package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.action.BatchGetItem;
import io.restmachine.dynamodb.embedded.action.BatchWriteItem;
import io.restmachine.dynamodb.embedded.action.Capacity;
import io.restmachine.dynamodb.embedded.action.ItemCollections;
import io.restmachine.dynamodb.embedded.action.TransactGetItems;
import io.restmachine.dynamodb.embedded.action.TransactWriteItems;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders the results of the batch and transaction actions. */
final class BatchResponses {
    private BatchResponses() {}

    static void batchGetItem(JsonGenerator out, BatchGetItem.Result result) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("Responses");
        for (Map.Entry<String, List<Map<String, DynamoValue>>> entry :
                result.responses().entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (Map<String, DynamoValue> item : entry.getValue()) {
                AttributeJson.writeItem(out, item);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeObjectFieldStart("UnprocessedKeys");
        for (BatchGetItem.Unprocessed unprocessed : result.unprocessed()) {
            BatchGetItem.TableKeys options = unprocessed.options();
            out.writeObjectFieldStart(options.tableName());
            out.writeArrayFieldStart("Keys");
            for (Map<String, DynamoValue> key : unprocessed.keys()) {
                AttributeJson.writeItem(out, key);
            }
            out.writeEndArray();
            if (options.attributesToGet() != null) {
                out.writeArrayFieldStart("AttributesToGet");
                for (String name : options.attributesToGet()) {
                    out.writeString(name);
                }
                out.writeEndArray();
            }
            if (options.consistentRead() != null) {
                out.writeBooleanField("ConsistentRead", options.consistentRead());
            }
            if (options.projectionExpression() != null) {
                out.writeStringField("ProjectionExpression", options.projectionExpression());
            }
            if (options.expressionAttributeNames() != null) {
                out.writeObjectFieldStart("ExpressionAttributeNames");
                for (Map.Entry<String, String> name :
                        options.expressionAttributeNames().entrySet()) {
                    out.writeStringField(name.getKey(), name.getValue());
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        writeCapacities(out, result.capacity());
        out.writeEndObject();
    }

    static void batchWriteItem(JsonGenerator out, BatchWriteItem.Result result) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("UnprocessedItems");
        for (Map.Entry<String, List<BatchWriteItem.Write>> entry :
                result.unprocessed().entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (BatchWriteItem.Write write : entry.getValue()) {
                out.writeStartObject();
                if (write.item() != null) {
                    out.writeObjectFieldStart("PutRequest");
                    out.writeFieldName("Item");
                    AttributeJson.writeItem(out, write.item());
                } else {
                    out.writeObjectFieldStart("DeleteRequest");
                    out.writeFieldName("Key");
                    AttributeJson.writeItem(out, write.key());
                }
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        writeCapacities(out, result.capacity());
        writeMetrics(out, result.metrics());
        out.writeEndObject();
    }

    static void transactGetItems(JsonGenerator out, TransactGetItems.Result result) throws IOException {
        out.writeStartObject();
        writeItemResponses(out, result.items());
        out.writeEndObject();
    }

    /** {@code "Responses": [{"Item": ...}, {}]}: one per read, empty where there is no item. */
    static void writeItemResponses(JsonGenerator out, List<@Nullable Map<String, DynamoValue>> items)
            throws IOException {
        out.writeArrayFieldStart("Responses");
        for (Map<String, DynamoValue> item : items) {
            out.writeStartObject();
            if (item != null) {
                out.writeFieldName("Item");
                AttributeJson.writeItem(out, item);
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    static void transactWriteItems(JsonGenerator out, TransactWriteItems.Result result) throws IOException {
        out.writeStartObject();
        writeCapacities(out, result.capacity());
        writeMetrics(out, result.metrics());
        out.writeEndObject();
    }

    /** {@code "ConsumedCapacity": [...]}, one per table, when asked for. */
    static void writeCapacities(JsonGenerator out, @Nullable List<Capacity.Consumed> capacity) throws IOException {
        if (capacity == null) {
            return;
        }
        out.writeArrayFieldStart("ConsumedCapacity");
        for (Capacity.Consumed consumed : capacity) {
            Responses.writeCapacityObject(out, consumed);
        }
        out.writeEndArray();
    }

    /** {@code "ItemCollectionMetrics": {"table": [...]}}, when there are any. */
    private static void writeMetrics(JsonGenerator out, @Nullable Map<String, List<ItemCollections.Metrics>> metrics)
            throws IOException {
        if (metrics == null) {
            return;
        }
        out.writeObjectFieldStart("ItemCollectionMetrics");
        for (Map.Entry<String, List<ItemCollections.Metrics>> entry : metrics.entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (ItemCollections.Metrics metric : entry.getValue()) {
                Responses.writeMetrics(out, metric);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
