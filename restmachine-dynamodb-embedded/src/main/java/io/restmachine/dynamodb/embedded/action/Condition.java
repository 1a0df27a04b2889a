package io.restmachine.dynamodb.embedded.action;

import com.fasterxml.jackson.databind.JsonNode;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters;
import io.restmachine.dynamodb.embedded.expression.UpdateExpression;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parsed expressions of a write: its optional condition and (for UpdateItem) its update,
 * parsed in DynamoDB's order so that placeholder errors come out as DynamoDB reports them.
 */
record Condition(@Nullable ConditionExpression condition, @Nullable UpdateExpression update) {

    /** The condition of a PutItem or DeleteItem request. */
    static Condition of(JsonNode request) {
        return parse(request, false);
    }

    /** The update and condition of an UpdateItem request. */
    static Condition withUpdate(JsonNode request) {
        return parse(request, true);
    }

    private static Condition parse(JsonNode request, boolean withUpdate) {
        String operator = Requests.optionalText(request, "ConditionalOperator");
        if (request.has("Expected") || request.has("AttributeUpdates")) {
            ConditionExpression legacyCondition = request.has("Expected")
                    ? LegacyParameters.expected(LegacyJson.expected(request.get("Expected")), operator)
                    : null;
            UpdateExpression legacyUpdate = withUpdate && request.has("AttributeUpdates")
                    ? LegacyParameters.attributeUpdates(LegacyJson.updates(request.get("AttributeUpdates")))
                    : null;
            if (!request.has("UpdateExpression") && !request.has("ConditionExpression")) {
                Requests.expressionContext(request).requireAllUsed();
                return new Condition(legacyCondition, legacyUpdate);
            }
        }
        ExpressionContext context = Requests.expressionContext(request);
        UpdateExpression update = null;
        String updateText = Requests.optionalText(request, "UpdateExpression");
        if (withUpdate && updateText != null) {
            update = Expressions.update(updateText, context);
        }
        ConditionExpression condition = null;
        String conditionText = Requests.optionalText(request, "ConditionExpression");
        if (conditionText != null) {
            condition = Expressions.condition(conditionText, context, "ConditionExpression");
        }
        context.requireAllUsed();
        return new Condition(condition, update);
    }

    /** Throws ConditionalCheckFailedException (with the item when asked) unless the condition holds. */
    void check(@Nullable Map<String, AttributeValue> existing, JsonNode request) {
        if (condition == null || condition.test(existing == null ? Map.of() : existing)) {
            return;
        }
        boolean returnItem = "ALL_OLD".equals(Requests.optionalText(request, "ReturnValuesOnConditionCheckFailure"));
        throw new EngineFailure(
                new DynamoError(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed"),
                returnItem ? existing : null,
                null);
    }

    /** Whether the condition holds for {@code existing}. */
    boolean holds(@Nullable Map<String, AttributeValue> existing) {
        return condition == null || condition.test(existing == null ? Map.of() : existing);
    }
}
