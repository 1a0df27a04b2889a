package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters;
import io.restmachine.dynamodb.embedded.expression.UpdateExpression;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parsed expressions of one write: its optional condition and (for an update) its update,
 * from the expression parameters or their legacy forms ({@code Expected}, {@code AttributeUpdates}).
 */
public record WriteExpressions(@Nullable ConditionExpression condition, @Nullable UpdateExpression update) {

    public static final WriteExpressions NONE = new WriteExpressions(null, null);

    /**
     * The parameters a write's expressions are read from. Each reading validates what it reads,
     * so {@link #parse} calls them in the order DynamoDB checks them.
     */
    public interface Source {
        boolean has(String member);

        @Nullable
        String text(String member);

        /** {@code Expected}, its values read. */
        Map<String, LegacyParameters.ExpectedAttributeValue> expected();

        /** {@code AttributeUpdates}, its values read. */
        Map<String, LegacyParameters.AttributeValueUpdate> attributeUpdates();

        /** The placeholder maps, checked. */
        ExpressionContext context();
    }

    /** Parses the condition (and, {@code withUpdate}, the update) in DynamoDB's order. */
    public static WriteExpressions parse(Source request, boolean withUpdate) {
        String operator = request.text("ConditionalOperator");
        if (request.has("Expected") || request.has("AttributeUpdates")) {
            // AttributeUpdates before Expected: "Only DELETE action is allowed when no attribute value
            // is specified" comes before "Value must be provided when Exists is null" (issue 13).
            UpdateExpression legacyUpdate = withUpdate && request.has("AttributeUpdates")
                    ? LegacyParameters.attributeUpdates(request.attributeUpdates())
                    : null;
            ConditionExpression legacyCondition =
                    request.has("Expected") ? LegacyParameters.expected(request.expected(), operator) : null;
            if (!request.has("UpdateExpression") && !request.has("ConditionExpression")) {
                request.context().requireAllUsed();
                return new WriteExpressions(legacyCondition, legacyUpdate);
            }
        }
        ExpressionContext context = request.context();
        UpdateExpression update = null;
        String updateText = request.text("UpdateExpression");
        if (withUpdate && updateText != null) {
            update = Expressions.update(updateText, context);
        }
        ConditionExpression condition = null;
        String conditionText = request.text("ConditionExpression");
        if (conditionText != null) {
            condition = Expressions.condition(conditionText, context, "ConditionExpression");
        }
        context.requireAllUsed();
        return new WriteExpressions(condition, update);
    }

    /**
     * Throws ConditionalCheckFailedException unless the condition holds; with the stored item when
     * {@code returnItem} (the request's {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}).
     */
    void check(@Nullable Map<String, DynamoValue> existing, boolean returnItem) {
        if (holds(existing)) {
            return;
        }
        throw new Failure.ConditionFailed(returnItem ? existing : null).toException();
    }

    /** Whether the condition holds for {@code existing}. */
    boolean holds(@Nullable Map<String, DynamoValue> existing) {
        return condition == null || condition.test(existing == null ? Map.of() : existing);
    }
}
