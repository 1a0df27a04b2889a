package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** GetItem: reads are always strongly consistent here (ConsistentRead only changes the capacity). */
final class GetItem implements Action {
    private static final Shape.Struct SHAPE = request(
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "AttributesToGet",
            attributesToGet(),
            "TableName",
            tableName(),
            "Key",
            item(),
            "ConsistentRead",
            bool(),
            "ProjectionExpression",
            string(),
            "ExpressionAttributeNames",
            expressionNames());

    @Override
    public String name() {
        return "GetItem";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        Requests.checkExpressionParameters(request, List.of("ProjectionExpression"), List.of("AttributesToGet"));
        Map<String, AttributeValue> key = Requests.attributes(request.get("Key"));
        Requests.attributesToGet(request);
        ExpressionContext context = Requests.expressionContext(request);
        Projection projection = Projection.of(request, context);
        context.requireAllUsed();
        Table table = engine.database().table(request.get("TableName").asText());
        Requests.validateKey(key, table.definition().key());
        Map<String, AttributeValue> item =
                table.get(Requests.storeKey(key, table.definition().key()));
        out.writeStartObject();
        if (item != null) {
            out.writeFieldName("Item");
            AttributeJson.writeItem(out, projection.apply(item));
        }
        Requests.writeCapacity(
                out, request, table.name(), Requests.readUnits(item, Requests.flag(request, "ConsistentRead")));
        out.writeEndObject();
    }
}
