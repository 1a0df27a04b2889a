package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.action.Capacity;
import io.restmachine.dynamodb.embedded.action.DeleteItem;
import io.restmachine.dynamodb.embedded.action.GetItem;
import io.restmachine.dynamodb.embedded.action.KeyRules;
import io.restmachine.dynamodb.embedded.action.ParameterRules;
import io.restmachine.dynamodb.embedded.action.Placeholders;
import io.restmachine.dynamodb.embedded.action.Projection;
import io.restmachine.dynamodb.embedded.action.PutItem;
import io.restmachine.dynamodb.embedded.action.UpdateItem;
import io.restmachine.dynamodb.embedded.action.WriteExpressions;
import io.restmachine.dynamodb.embedded.action.WriteOptions;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the decoded requests of the single-item actions into their request records, with every
 * check DynamoDB makes before it looks at the table, in DynamoDB's order.
 */
final class ItemRequests {
    private ItemRequests() {}

    static PutItem.Request putItem(Fields request) {
        ParameterRules.checkExpressionParameters(request::has, List.of("ConditionExpression"), List.of("Expected"));
        Map<String, DynamoValue> item = item(request, "Item");
        boolean returnOld = ParameterRules.returnsOld(request.string("ReturnValues"));
        Map<String, DynamoValue> sized = KeyRules.sizedItem(item);
        WriteExpressions expressions = WriteExpressions.parse(source(request), false);
        return new PutItem.Request(request.text("TableName"), sized, expressions, returnOld, writeOptions(request));
    }

    static DeleteItem.Request deleteItem(Fields request) {
        ParameterRules.checkExpressionParameters(request::has, List.of("ConditionExpression"), List.of("Expected"));
        Map<String, DynamoValue> key = item(request, "Key");
        boolean returnOld = ParameterRules.returnsOld(request.string("ReturnValues"));
        WriteExpressions expressions = WriteExpressions.parse(source(request), false);
        return new DeleteItem.Request(request.text("TableName"), key, expressions, returnOld, writeOptions(request));
    }

    static UpdateItem.Request updateItem(Fields request) {
        ParameterRules.checkExpressionParameters(
                request::has,
                List.of("UpdateExpression", "ConditionExpression"),
                List.of("AttributeUpdates", "Expected"));
        Map<String, DynamoValue> key = item(request, "Key");
        WriteExpressions expressions = WriteExpressions.parse(source(request), true);
        String returnValues = request.string("ReturnValues");
        return new UpdateItem.Request(
                request.text("TableName"),
                key,
                expressions,
                returnValues == null ? UpdateItem.ReturnValues.NONE : UpdateItem.ReturnValues.valueOf(returnValues),
                writeOptions(request));
    }

    static GetItem.Request getItem(Fields request) {
        ParameterRules.checkExpressionParameters(
                request::has, List.of("ProjectionExpression"), List.of("AttributesToGet"));
        Map<String, DynamoValue> key = item(request, "Key");
        List<String> attributesToGet = ParameterRules.attributesToGet(strings(request.list("AttributesToGet")));
        ExpressionContext context = context(request);
        Projection projection = Projection.of(request.string("ProjectionExpression"), attributesToGet, context);
        context.requireAllUsed();
        return new GetItem.Request(
                request.text("TableName"), key, projection, request.flag("ConsistentRead"), capacity(request));
    }

    // ---- parts many requests share -------------------------------------------------------------

    /** A map of attribute values (an item or key), read and validated. */
    static Map<String, DynamoValue> item(Fields request, String member) {
        return AttributeJson.item(Objects.requireNonNull(request.map(member), member));
    }

    /** The placeholder maps, checked. */
    static ExpressionContext context(Fields request) {
        Map<String, Object> names = request.map("ExpressionAttributeNames");
        Map<String, String> nameMap = null;
        if (names != null) {
            nameMap = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Object> name : names.entrySet()) {
                nameMap.put(name.getKey(), Wire.text(name.getValue()));
            }
        }
        return Placeholders.context(nameMap, request.map("ExpressionAttributeValues"), AttributeJson::value);
    }

    static Capacity.Mode capacity(Fields request) {
        String mode = request.string("ReturnConsumedCapacity");
        return mode == null ? Capacity.Mode.NONE : Capacity.Mode.valueOf(mode);
    }

    static WriteOptions writeOptions(Fields request) {
        return new WriteOptions(
                capacity(request),
                "SIZE".equals(request.string("ReturnItemCollectionMetrics")),
                "ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure")));
    }

    static @Nullable List<String> strings(@Nullable List<Object> list) {
        if (list == null) {
            return null;
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object value : list) {
            strings.add(Wire.text(value));
        }
        return strings;
    }

    /** The members a write's expressions are read from. */
    static WriteExpressions.Source source(Fields request) {
        return new WriteExpressions.Source() {
            @Override
            public boolean has(String member) {
                return request.has(member);
            }

            @Override
            public @Nullable String text(String member) {
                return request.string(member);
            }

            @Override
            public Map<String, LegacyParameters.ExpectedAttributeValue> expected() {
                return LegacyFields.expected(Objects.requireNonNull(request.map("Expected")));
            }

            @Override
            public Map<String, LegacyParameters.AttributeValueUpdate> attributeUpdates() {
                return LegacyFields.updates(Objects.requireNonNull(request.map("AttributeUpdates")));
            }

            @Override
            public ExpressionContext context() {
                return ItemRequests.context(request);
            }
        };
    }
}
