package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.action.PageReader;
import io.restmachine.dynamodb.embedded.action.ParameterRules;
import io.restmachine.dynamodb.embedded.action.Projection;
import io.restmachine.dynamodb.embedded.action.Query;
import io.restmachine.dynamodb.embedded.action.Scan;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads decoded Query and Scan requests into their request records, with the checks DynamoDB
 * makes before it looks at the table, in DynamoDB's order.
 */
final class ReadRequests {
    private ReadRequests() {}

    static Query.Request query(Fields request) {
        ParameterRules.checkExpressionParameters(
                request::has,
                List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
                List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"));
        List<String> attributesToGet =
                ParameterRules.attributesToGet(ItemRequests.strings(request.list("AttributesToGet")));
        PageReader.Options options = options(request);
        Map<String, DynamoValue> start = startKey(request);
        if (!request.has("KeyConditions") && !request.has("KeyConditionExpression")) {
            throw EngineException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Map<String, Object> keyConditions = request.map("KeyConditions");
        Map<String, Object> queryFilter = request.map("QueryFilter");
        return new Query.Request(
                request.text("TableName"),
                request.string("IndexName"),
                () -> ItemRequests.context(request),
                request.string("KeyConditionExpression"),
                keyConditions == null ? null : () -> LegacyFields.conditions(keyConditions),
                request.string("FilterExpression"),
                queryFilter == null ? null : () -> LegacyFields.conditions(queryFilter),
                request.string("ConditionalOperator"),
                request.string("ProjectionExpression"),
                attributesToGet,
                start,
                !Boolean.FALSE.equals(request.bool("ScanIndexForward")),
                options);
    }

    static Scan.Request scan(Fields request) {
        ParameterRules.checkExpressionParameters(
                request::has,
                List.of("ProjectionExpression", "FilterExpression"),
                List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));
        List<String> attributesToGet =
                ParameterRules.attributesToGet(ItemRequests.strings(request.list("AttributesToGet")));
        PageReader.Options options = options(request);
        Map<String, DynamoValue> start = startKey(request);
        Integer segment = request.integer("Segment");
        Integer total = request.integer("TotalSegments");
        Scan.checkSegments(segment, total);
        ExpressionContext context = ItemRequests.context(request);
        ConditionExpression filter = null;
        String filterText = request.string("FilterExpression");
        if (filterText != null) {
            filter = Expressions.condition(filterText, context, "FilterExpression");
        } else if (request.has("ScanFilter")) {
            filter = LegacyParameters.filter(
                    LegacyFields.conditions(Objects.requireNonNull(request.map("ScanFilter"))),
                    request.string("ConditionalOperator"));
        }
        Projection projection = Projection.of(request.string("ProjectionExpression"), attributesToGet, context);
        context.requireAllUsed();
        return new Scan.Request(
                request.text("TableName"),
                request.string("IndexName"),
                filter,
                projection,
                start,
                segment == null ? 0 : segment,
                total == null ? 1 : total,
                options);
    }

    /** The paging members; checks that Select and the projection agree. */
    private static PageReader.Options options(Fields request) {
        String selectText = request.string("Select");
        PageReader.Select select = selectText == null ? null : PageReader.Select.valueOf(selectText);
        PageReader.checkSelectAndProjection(
                select,
                request.has("ProjectionExpression")
                        ? "ProjectionExpression"
                        : request.has("AttributesToGet") ? "AttributesToGet" : null);
        Integer limit = request.integer("Limit");
        return new PageReader.Options(
                limit == null ? 0 : limit, select, request.flag("ConsistentRead"), ItemRequests.capacity(request));
    }

    private static @Nullable Map<String, DynamoValue> startKey(Fields request) {
        return request.has("ExclusiveStartKey")
                ? Scan.startKey(() -> ItemRequests.item(request, "ExclusiveStartKey"))
                : null;
    }
}
