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
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactGetItems: up to 100 reads taken together under the items' locks, so they never see
 * half of a concurrent transaction.
 */
final class TransactGetItems implements Action {
    private static final Shape.Struct SHAPE = request(
            "TransactItems",
            list(
                    element(
                            "TransactGetItem",
                            "Get",
                            field(
                                    "Get",
                                    List.of(notNull()),
                                    "Key",
                                    item(),
                                    "TableName",
                                    tableName(),
                                    "ProjectionExpression",
                                    string(),
                                    "ExpressionAttributeNames",
                                    expressionNames())),
                    notNull(),
                    minLength(1),
                    maxLength(100)),
            "ReturnConsumedCapacity",
            returnConsumedCapacity());

    @Override
    public String name() {
        return "TransactGetItems";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    private record Read(Table table, StoreKey key, Projection projection) {}

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        List<Read> reads = new ArrayList<>();
        List<EngineFailure.Reason> reasons = new ArrayList<>();
        boolean invalid = false;
        Set<Map.Entry<Table, StoreKey>> seen = new HashSet<>();
        for (JsonNode item : request.get("TransactItems")) {
            JsonNode get = item.get("Get");
            Map<String, AttributeValue> key = Requests.attributes(get.get("Key"));
            ExpressionContext context = Requests.expressionContext(get);
            Projection projection = Projection.of(get, context);
            context.requireAllUsed();
            Table table = engine.database().table(get.get("TableName").asText());
            try {
                Requests.validateKey(key, table.definition().key());
            } catch (EngineException e) {
                // DynamoDB reports a key that does not fit the table through the cancellation
                // reasons of the transaction, not as a ValidationException of the request.
                reasons.add(new EngineFailure.Reason(
                        "ValidationError",
                        e.error()
                                .message()
                                .replace(
                                        "One or more parameter values were invalid: The AttributeValue",
                                        "One or more parameter values are not valid. The AttributeValue"),
                        null));
                invalid = true;
                continue;
            }
            StoreKey storeKey = Requests.storeKey(key, table.definition().key());
            if (!seen.add(Map.entry(table, storeKey))) {
                throw EngineException.validation("Transaction request cannot include multiple operations on one item");
            }
            reasons.add(new EngineFailure.Reason("None", null, null));
            reads.add(new Read(table, storeKey, projection));
        }
        if (invalid) {
            throw EngineFailure.cancelled(reasons);
        }
        List<Map<String, AttributeValue>> items = engine.database()
                .locked(reads.stream().map(r -> Map.entry(r.table(), r.key())).toList(), () -> {
                    List<Map<String, AttributeValue>> found = new ArrayList<>();
                    for (Read read : reads) {
                        found.add(read.table().get(read.key()));
                    }
                    return found;
                });
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        for (int i = 0; i < reads.size(); i++) {
            out.writeStartObject();
            Map<String, AttributeValue> item = items.get(i);
            if (item != null) {
                out.writeFieldName("Item");
                AttributeJson.writeItem(out, reads.get(i).projection().apply(item));
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
