package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * BatchWriteItem: at most 25 puts and deletes, no two on the same item; each is atomic on its
 * own. Requests picked by fault injection come back in {@code UnprocessedItems}, unwritten.
 */
final class BatchWriteItem implements Action {
    private static final Shape.Struct SHAPE = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "RequestItems",
            new Shape.MapOf(
                    genericList(element(
                            "WriteRequest",
                            "DeleteRequest",
                            field("DeleteRequest", List.of(), "Key", item()),
                            "PutRequest",
                            field("PutRequest", List.of(), "Item", item()))),
                    "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>",
                    true,
                    List.of(
                            notNull(),
                            minLength(1),
                            keys(maxLength(255), minLength(3), regex(NAME_PATTERN)),
                            values(maxLength(25), minLength(1)))));

    @Override
    public String name() {
        return "BatchWriteItem";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    private record Write(
            String tableName,
            JsonNode source,
            @Nullable Map<String, AttributeValue> item,
            Map<String, AttributeValue> key) {}

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        List<Write> writes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries =
                request.get("RequestItems").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            for (JsonNode writeRequest : entry.getValue()) {
                if (writeRequest.isEmpty()) {
                    throw EngineException.validation("Supplied AttributeValue has more than one datatypes set, must"
                            + " contain exactly one of the supported datatypes");
                }
            }
            for (JsonNode writeRequest : entry.getValue()) {
                if (writeRequest.has("PutRequest")) {
                    Map<String, AttributeValue> item = Requests.checkItemSize(
                            Requests.attributes(writeRequest.get("PutRequest").get("Item")));
                    writes.add(new Write(entry.getKey(), writeRequest, item, item));
                } else {
                    Map<String, AttributeValue> key = Requests.attributes(
                            writeRequest.get("DeleteRequest").get("Key"));
                    writes.add(new Write(entry.getKey(), writeRequest, null, key));
                }
            }
        }
        if (writes.size() > 25) {
            throw EngineException.validation("Too many items requested for the BatchWriteItem call");
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        Set<Map.Entry<Table, StoreKey>> seen = new HashSet<>();
        List<StoreKey> keys = new ArrayList<>();
        for (Write write : writes) {
            Table table = tables.computeIfAbsent(write.tableName(), engine.database()::table);
            try {
                if (write.item() != null) {
                    Requests.validateItem(write.item(), table.definition());
                } else {
                    Requests.validateKey(write.key(), table.definition().key());
                }
            } catch (EngineException e) {
                String message = e.error().message();
                if (message.contains("Missing the key") || message.contains("Type mismatch for key")) {
                    throw EngineException.validation("The provided key element does not match the schema");
                }
                throw e;
            }
            StoreKey key = write.item() != null
                    ? table.keyOf(write.item())
                    : Requests.storeKey(write.key(), table.definition().key());
            if (!seen.add(Map.entry(table, key))) {
                throw EngineException.validation("Provided list of item keys contains duplicates");
            }
            keys.add(key);
        }
        Map<String, List<JsonNode>> unprocessed = new LinkedHashMap<>();
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (engine.faults().unprocessed()) {
                Write write = writes.get(i);
                unprocessed
                        .computeIfAbsent(write.tableName(), n -> new ArrayList<>())
                        .add(write.source());
            } else {
                chosen.add(i);
            }
        }
        List<Map.Entry<Table, StoreKey>> locks = new ArrayList<>();
        for (int i : chosen) {
            locks.add(Map.entry(tables.get(writes.get(i).tableName()), keys.get(i)));
        }
        // All the batch's items are locked together (ascending stripes, as transactions do) so that
        // the item collection limit is checked for the whole batch before anything is written.
        List<ItemWrite> applied = engine.database().locked(locks, () -> {
            List<ItemWrite> changes = new ArrayList<>();
            for (int i : chosen) {
                Write write = writes.get(i);
                Table table = tables.get(write.tableName());
                StoreKey key = keys.get(i);
                Map<String, AttributeValue> existing = table.get(key);
                Map<String, AttributeValue> stored =
                        write.item() == null ? null : java.util.Collections.unmodifiableMap(write.item());
                changes.add(new ItemWrite(table, key, existing, stored));
            }
            List<ItemWrite> effective = changes.stream()
                    .filter(c -> c.before() != null || c.after() != null)
                    .toList();
            // One commit (one log record) for the batch: it checks every item collection first.
            engine.database().commit(effective);
            return changes;
        });
        Map<String, Double> capacity = new LinkedHashMap<>();
        ItemCollections.PerTable metrics = new ItemCollections.PerTable();
        for (ItemWrite change : applied) {
            double units = Math.max(
                    change.after() == null ? 1 : Requests.writeUnits(change.after()),
                    change.before() == null ? 0 : Requests.writeUnits(change.before()));
            capacity.merge(change.table().name(), units, Double::sum);
            metrics.add(change.table(), change.key());
        }
        out.writeStartObject();
        out.writeObjectFieldStart("UnprocessedItems");
        for (Map.Entry<String, List<JsonNode>> entry : unprocessed.entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (JsonNode source : entry.getValue()) {
                writeRequest(out, source);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        if (Requests.wantsCapacity(request)) {
            out.writeArrayFieldStart("ConsumedCapacity");
            for (Map.Entry<String, Double> entry : capacity.entrySet()) {
                Requests.writeCapacityObject(out, request, entry.getKey(), entry.getValue());
            }
            out.writeEndArray();
        }
        metrics.writeField(out, request);
        out.writeEndObject();
    }

    private static void writeRequest(JsonGenerator out, JsonNode source) throws IOException {
        out.writeStartObject();
        if (source.has("PutRequest")) {
            out.writeObjectFieldStart("PutRequest");
            out.writeFieldName("Item");
            AttributeJson.writeItem(
                    out, Requests.attributes(source.get("PutRequest").get("Item")));
        } else {
            out.writeObjectFieldStart("DeleteRequest");
            out.writeFieldName("Key");
            AttributeJson.writeItem(
                    out, Requests.attributes(source.get("DeleteRequest").get("Key")));
        }
        out.writeEndObject();
        out.writeEndObject();
    }
}
