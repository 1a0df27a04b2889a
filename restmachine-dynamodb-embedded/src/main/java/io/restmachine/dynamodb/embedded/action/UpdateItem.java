package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.UpdateExpression;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.AttributeValues;
import io.restmachine.dynamodb.embedded.value.SizedItem;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            if (existing != null || updated != null) {
                engine.database().commit(new ItemWrite(table, storeKey, existing, updated));
            }
            @SuppressWarnings("unchecked")
            Map<String, AttributeValue>[] pair = new Map[] {existing, updated};
            return pair;
        });
        out.writeStartObject();
        writeReturnValues(out, Requests.optionalText(request, "ReturnValues"), result[0], result[1], parsed.update());
        double units = Math.max(Requests.writeUnits(result[1]), result[0] == null ? 0 : Requests.writeUnits(result[0]));
        Requests.writeCapacity(out, request, table.name(), units);
        ItemCollections.writeField(out, request, table, storeKey);
        out.writeEndObject();
    }

    /**
     * The item after the update, validated; the stored item is not touched. Null when the item is
     * missing and the update only removes: DynamoDB then creates nothing.
     */
    static @Nullable Map<String, AttributeValue> apply(
            Condition parsed,
            @Nullable Map<String, AttributeValue> existing,
            Map<String, AttributeValue> key,
            TableDefinition definition) {
        UpdateExpression update = parsed.update();
        Map<String, AttributeValue> base = existing != null ? existing : orderedKey(key, definition.key());
        Map<String, AttributeValue> updated = update == null ? base : update.apply(base);
        if (existing == null && update != null && update.onlyRemoves()) {
            return null;
        }
        long size = AttributeValues.size(updated);
        if (size > Requests.MAX_ITEM_SIZE) {
            throw EngineException.validation("Item size to update has exceeded the maximum allowed size");
        }
        Requests.validateIndexKeys(updated, definition);
        return SizedItem.of(new LinkedHashMap<>(updated), size);
    }

    private static Map<String, AttributeValue> orderedKey(Map<String, AttributeValue> key, KeySchema schema) {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        for (String name : schema.names()) {
            ordered.put(name, key.get(name));
        }
        return ordered;
    }

    /**
     * Writes {@code Attributes} as {@code ReturnValues} asks: UPDATED_OLD and UPDATED_NEW are the
     * paths the update names, projected from the item before and after it; an empty result is
     * left out, as DynamoDB does.
     */
    private static void writeReturnValues(
            JsonGenerator out,
            @Nullable String returnValues,
            @Nullable Map<String, AttributeValue> before,
            @Nullable Map<String, AttributeValue> after,
            @Nullable UpdateExpression update)
            throws IOException {
        if (returnValues == null) {
            return;
        }
        Map<String, AttributeValue> attributes =
                switch (returnValues) {
                    case "ALL_OLD" -> before;
                    case "ALL_NEW" -> after;
                    case "UPDATED_OLD" -> updated(update, before);
                    case "UPDATED_NEW" -> updated(update, after);
                    default -> null;
                };
        if (attributes != null && !attributes.isEmpty()) {
            out.writeFieldName("Attributes");
            AttributeJson.writeItem(out, attributes);
        }
    }

    private static @Nullable Map<String, AttributeValue> updated(
            @Nullable UpdateExpression update, @Nullable Map<String, AttributeValue> item) {
        return update == null || item == null ? null : update.updatedPaths().apply(item);
    }
}
