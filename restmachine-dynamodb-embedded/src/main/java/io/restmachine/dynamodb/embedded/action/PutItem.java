package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** PutItem: replaces the whole item, atomically with its condition. */
final class PutItem implements Action {
    private static final Shape.Struct SHAPE = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "TableName",
            tableName(),
            "Item",
            item(),
            "ConditionalOperator",
            conditionalOperator(),
            "Expected",
            expected(),
            "ReturnValues",
            returnValues(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "ConditionExpression",
            string(),
            "ExpressionAttributeValues",
            expressionValues(),
            "ExpressionAttributeNames",
            expressionNames(),
            "ReturnValuesOnConditionCheckFailure",
            string(oneOf("ALL_OLD", "NONE")));

    @Override
    public String name() {
        return "PutItem";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        Requests.checkExpressionParameters(request, List.of("ConditionExpression"), List.of("Expected"));
        Map<String, AttributeValue> item = Requests.attributes(request.get("Item"));
        String returnValues = Requests.allOldOrNone(request);
        Map<String, AttributeValue> stored = Requests.checkItemSize(item);
        Condition condition = Condition.of(request);
        Table table = engine.database().table(request.get("TableName").asText());
        Requests.validateItem(stored, table.definition());
        StoreKey key = table.keyOf(stored);
        Map<String, AttributeValue> old = engine.database().locked(table, key, () -> {
            Map<String, AttributeValue> existing = table.get(key);
            condition.check(existing, request);
            engine.database().commit(new ItemWrite(table, key, existing, stored));
            return existing;
        });
        out.writeStartObject();
        if (old != null && "ALL_OLD".equals(returnValues)) {
            out.writeFieldName("Attributes");
            AttributeJson.writeItem(out, old);
        }
        Requests.writeCapacity(
                out,
                request,
                table.name(),
                Math.max(Requests.writeUnits(stored), old == null ? 0 : Requests.writeUnits(old)));
        ItemCollections.writeField(out, request, table, key);
        out.writeEndObject();
    }
}
