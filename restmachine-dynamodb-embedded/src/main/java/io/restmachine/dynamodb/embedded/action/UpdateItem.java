package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.AttributeValues;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * UpdateItem: read, check the condition, apply the update to a copy, validate the result, write;
 * all under the item's lock, so it is atomic and a failed update changes nothing.
 */
final class UpdateItem implements Action {
    private static final Shape.Struct SHAPE = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "TableName",
            tableName(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "ReturnValues",
            returnValues(),
            "Key",
            item(),
            "ConditionalOperator",
            conditionalOperator(),
            "Expected",
            expected(),
            "AttributeUpdates",
            map(element("AttributeValueUpdate", "Action", string(), "Value", attributeValue()), "AttributeValueUpdate"),
            "ConditionExpression",
            string(),
            "UpdateExpression",
            string(),
            "ExpressionAttributeValues",
            expressionValues(),
            "ExpressionAttributeNames",
            expressionNames(),
            "ReturnValuesOnConditionCheckFailure",
            string(oneOf("ALL_OLD", "NONE")));

    @Override
    public String name() {
        return "UpdateItem";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        Requests.checkExpressionParameters(
                request, List.of("UpdateExpression", "ConditionExpression"), List.of("AttributeUpdates", "Expected"));
        Map<String, AttributeValue> key = Requests.attributes(request.get("Key"));
        Condition parsed = Condition.withUpdate(request);
        Table table = engine.database().table(request.get("TableName").asText());
        TableDefinition definition = table.definition();
        Requests.validateKey(key, definition.key());
        if (parsed.update() != null) {
            for (String name : parsed.update().topLevelAttributes()) {
                if (definition.key().contains(name)) {
                    throw EngineException.validation("One or more parameter values were invalid: Cannot update"
                            + " attribute " + name + ". This attribute is part of the key");
                }
            }
        }
        StoreKey storeKey = Requests.storeKey(key, definition.key());
        Map<String, AttributeValue>[] result = engine.database().locked(table, storeKey, () -> {
            Map<String, AttributeValue> existing = table.get(storeKey);
            parsed.check(existing, request);
            Map<String, AttributeValue> updated = apply(parsed, existing, key, definition);
            engine.database().commit(new ItemWrite(table, storeKey, existing, updated));
            @SuppressWarnings("unchecked")
            Map<String, AttributeValue>[] pair = new Map[] {existing, updated};
            return pair;
        });
        out.writeStartObject();
        writeReturnValues(out, Requests.optionalText(request, "ReturnValues"), result[0], result[1], parsed);
        double units = Math.max(Requests.writeUnits(result[1]), result[0] == null ? 0 : Requests.writeUnits(result[0]));
        Requests.writeCapacity(out, request, table.name(), units);
        ItemCollections.writeField(out, request, table, storeKey);
        out.writeEndObject();
    }

    /** The item after the update, validated; the stored item is not touched. */
    static Map<String, AttributeValue> apply(
            Condition parsed,
            @Nullable Map<String, AttributeValue> existing,
            Map<String, AttributeValue> key,
            TableDefinition definition) {
        Map<String, AttributeValue> base = existing != null ? existing : orderedKey(key, definition.key());
        Map<String, AttributeValue> updated =
                parsed.update() == null ? base : parsed.update().apply(base);
        if (AttributeValues.size(updated) > Requests.MAX_ITEM_SIZE) {
            throw EngineException.validation("Item size to update has exceeded the maximum allowed size");
        }
        Requests.validateIndexKeys(updated, definition);
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(updated));
    }

    private static Map<String, AttributeValue> orderedKey(Map<String, AttributeValue> key, KeySchema schema) {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        for (String name : schema.names()) {
            ordered.put(name, key.get(name));
        }
        return ordered;
    }

    /**
     * The updated parts of {@code side}: for each attribute the update touched, the value itself,
     * or (for maps and lists that exist on both sides) only the members and elements that changed.
     */
    private static @Nullable Map<String, AttributeValue> changed(
            Set<String> touched,
            @Nullable Map<String, AttributeValue> side,
            @Nullable Map<String, AttributeValue> other) {
        if (side == null) {
            return null;
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> entry : side.entrySet()) {
            if (!touched.contains(entry.getKey())) {
                continue;
            }
            AttributeValue mine = entry.getValue();
            AttributeValue theirs = other == null ? null : other.get(entry.getKey());
            AttributeValue difference = theirs == null || mine.equals(theirs) ? mine : difference(mine, theirs);
            result.put(entry.getKey(), difference == null ? mine : difference);
        }
        return result;
    }

    private static @Nullable AttributeValue difference(AttributeValue mine, AttributeValue theirs) {
        if (mine instanceof AttributeValue.M m && theirs instanceof AttributeValue.M t) {
            Map<String, AttributeValue> members = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> entry : m.values().entrySet()) {
                AttributeValue other = t.values().get(entry.getKey());
                if (other == null || !other.equals(entry.getValue())) {
                    AttributeValue nested = other == null ? null : difference(entry.getValue(), other);
                    members.put(entry.getKey(), nested == null ? entry.getValue() : nested);
                }
            }
            return members.isEmpty() ? null : new AttributeValue.M(members);
        }
        if (mine instanceof AttributeValue.L l && theirs instanceof AttributeValue.L t) {
            List<AttributeValue> elements = new java.util.ArrayList<>();
            for (int i = 0; i < l.values().size(); i++) {
                AttributeValue element = l.values().get(i);
                if (i >= t.values().size() || !t.values().get(i).equals(element)) {
                    elements.add(element);
                }
            }
            return elements.isEmpty() ? null : new AttributeValue.L(elements);
        }
        return null;
    }

    static void writeReturnValues(
            JsonGenerator out,
            @Nullable String returnValues,
            @Nullable Map<String, AttributeValue> before,
            Map<String, AttributeValue> after,
            Condition parsed)
            throws IOException {
        if (returnValues == null || returnValues.equals("NONE")) {
            return;
        }
        Map<String, AttributeValue> attributes;
        switch (returnValues) {
            case "ALL_OLD" -> attributes = before;
            case "ALL_NEW" -> attributes = after;
            default -> {
                Set<String> touched =
                        parsed.update() == null ? Set.of() : parsed.update().topLevelAttributes();
                boolean old = returnValues.equals("UPDATED_OLD");
                attributes = changed(touched, old ? before : after, old ? after : before);
            }
        }
        if (attributes != null && !attributes.isEmpty()) {
            out.writeFieldName("Attributes");
            AttributeJson.writeItem(out, attributes);
        }
    }
}
