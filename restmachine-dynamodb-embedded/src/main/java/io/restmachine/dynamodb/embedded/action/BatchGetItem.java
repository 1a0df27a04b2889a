package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.AttributeValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: at most 100 keys, no duplicates; items in the order asked; keys beyond the 16 MB
 * response limit (or picked by fault injection) come back in {@code UnprocessedKeys}.
 */
final class BatchGetItem implements Action {
    private static final long RESPONSE_LIMIT = 16L * 1024 * 1024;

    private static final Shape.Struct SHAPE = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "RequestItems",
            map(
                    element(
                            "KeysAndAttributes",
                            "Keys",
                            list(
                                    genericMap(new Shape.Attribute(true, List.of())),
                                    notNull(),
                                    minLength(1),
                                    maxLength(100)),
                            "AttributesToGet",
                            attributesToGet(),
                            "ConsistentRead",
                            bool(),
                            "ProjectionExpression",
                            string(),
                            "ExpressionAttributeNames",
                            expressionNames()),
                    "KeysAndAttributes",
                    notNull(),
                    minLength(1),
                    keys(maxLength(255), minLength(3), regex(NAME_PATTERN))));

    @Override
    public String name() {
        return "BatchGetItem";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    private record TableRequest(
            String name, JsonNode spec, List<Map<String, AttributeValue>> keys, Projection projection) {}

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        List<TableRequest> tables = new ArrayList<>();
        int total = 0;
        Iterator<Map.Entry<String, JsonNode>> entries =
                request.get("RequestItems").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode spec = entry.getValue();
            Requests.checkExpressionParameters(spec, List.of("ProjectionExpression"), List.of("AttributesToGet"));
            Requests.attributesToGet(spec);
            ExpressionContext context = Requests.expressionContext(spec);
            Projection projection = Projection.of(spec, context);
            context.requireAllUsed();
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode keyNode : spec.get("Keys")) {
                Map<String, AttributeValue> key = Requests.attributes(keyNode);
                if (!seen.add(key)) {
                    throw EngineException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
                if (++total > 100) {
                    throw EngineException.validation("Too many items requested for the BatchGetItem call");
                }
            }
            tables.add(new TableRequest(entry.getKey(), spec, keys, projection));
        }
        List<Table> resolved = new ArrayList<>();
        for (TableRequest tableRequest : tables) {
            Table table = engine.database().table(tableRequest.name());
            for (Map<String, AttributeValue> key : tableRequest.keys()) {
                Requests.validateKey(key, table.definition().key());
            }
            resolved.add(table);
        }
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Map<String, List<Map<String, AttributeValue>>> unprocessed = new LinkedHashMap<>();
        Map<String, Double> capacity = new LinkedHashMap<>();
        long size = 0;
        for (int t = 0; t < tables.size(); t++) {
            TableRequest tableRequest = tables.get(t);
            Table table = resolved.get(t);
            List<Map<String, AttributeValue>> found = responses.computeIfAbsent(table.name(), n -> new ArrayList<>());
            boolean consistent = Requests.flag(tableRequest.spec(), "ConsistentRead");
            for (Map<String, AttributeValue> key : tableRequest.keys()) {
                if (engine.faults().unprocessed() || size > RESPONSE_LIMIT) {
                    unprocessed
                            .computeIfAbsent(table.name(), n -> new ArrayList<>())
                            .add(key);
                    continue;
                }
                StoreKey storeKey = Requests.storeKey(key, table.definition().key());
                Map<String, AttributeValue> item = table.get(storeKey);
                capacity.merge(table.name(), Requests.readUnits(item, consistent), Double::sum);
                if (item != null) {
                    size += AttributeValues.size(item);
                    found.add(tableRequest.projection().apply(item));
                }
            }
        }
        out.writeStartObject();
        out.writeObjectFieldStart("Responses");
        for (Map.Entry<String, List<Map<String, AttributeValue>>> entry : responses.entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (Map<String, AttributeValue> item : entry.getValue()) {
                AttributeJson.writeItem(out, item);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeObjectFieldStart("UnprocessedKeys");
        for (TableRequest tableRequest : tables) {
            List<Map<String, AttributeValue>> keys = unprocessed.get(tableRequest.name());
            if (keys == null) {
                continue;
            }
            out.writeObjectFieldStart(tableRequest.name());
            out.writeArrayFieldStart("Keys");
            for (Map<String, AttributeValue> key : keys) {
                AttributeJson.writeItem(out, key);
            }
            out.writeEndArray();
            copy(out, tableRequest.spec());
            out.writeEndObject();
        }
        out.writeEndObject();
        if (Requests.wantsCapacity(request)) {
            out.writeArrayFieldStart("ConsumedCapacity");
            for (Map.Entry<String, Double> entry : capacity.entrySet()) {
                Requests.writeCapacityObject(out, request, entry.getKey(), entry.getValue());
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /** Copies the per-table options other than Keys into an UnprocessedKeys entry. */
    private static void copy(JsonGenerator out, JsonNode spec) throws IOException {
        Iterator<Map.Entry<String, JsonNode>> fields = spec.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("Keys")) {
                out.writeFieldName(field.getKey());
                out.writeTree(field.getValue());
            }
        }
    }
}
