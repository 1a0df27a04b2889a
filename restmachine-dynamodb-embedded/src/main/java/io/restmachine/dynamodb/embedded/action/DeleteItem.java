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

/** DeleteItem: atomically with its condition; deleting an absent item succeeds. */
final class DeleteItem implements Action {
    private static final Shape.Struct SHAPE = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "TableName",
            tableName(),
            "ReturnValues",
            returnValues(),
            "ReturnItemCollectionMetrics",
            returnItemCollectionMetrics(),
            "Key",
            item(),
            "ConditionalOperator",
            conditionalOperator(),
            "Expected",
            expected(),
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
        return "DeleteItem";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        Requests.checkExpressionParameters(request, List.of("ConditionExpression"), List.of("Expected"));
        Map<String, AttributeValue> key = Requests.attributes(request.get("Key"));
        String returnValues = Requests.allOldOrNone(request);
        Condition condition = Condition.of(request);
        Table table = engine.database().table(request.get("TableName").asText());
        Requests.validateKey(key, table.definition().key());
        StoreKey storeKey = Requests.storeKey(key, table.definition().key());
        Map<String, AttributeValue> old = engine.database().locked(table, storeKey, () -> {
            Map<String, AttributeValue> existing = table.get(storeKey);
            condition.check(existing, request);
            if (existing != null) {
                engine.database().commit(new ItemWrite(table, storeKey, existing, null));
            }
            return existing;
        });
        out.writeStartObject();
        if (old != null && "ALL_OLD".equals(returnValues)) {
            out.writeFieldName("Attributes");
            AttributeJson.writeItem(out, old);
        }
        Requests.writeCapacity(out, request, table.name(), Requests.writeUnits(old));
        ItemCollections.writeField(out, request, table, storeKey);
        out.writeEndObject();
    }
}
