package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.error.EngineException;
import org.jspecify.annotations.Nullable;

/**
 * Parses DynamoDB expressions, once per request, into objects that evaluate against items. Every
 * method throws {@link EngineException} with DynamoDB's ValidationException message when the text
 * is invalid; placeholders are resolved from the request's {@link ExpressionContext}, which
 * remembers the ones used.
 *
 * <pre>{@code
 * ExpressionContext ctx = new ExpressionContext(names, values);
 * ConditionExpression condition = Expressions.condition(text, ctx, "ConditionExpression");
 * ctx.requireAllUsed();
 * boolean ok = condition.test(item);
 * }</pre>
 */
public final class Expressions {
    private Expressions() {}

    /**
     * Parses a ConditionExpression, FilterExpression or KeyConditionExpression.
     *
     * @param parameterName the request parameter, used in messages ("Invalid FilterExpression: ...")
     */
    public static ConditionExpression condition(String text, ExpressionContext ctx, String parameterName) {
        return ConditionParser.parse(text, ctx, parameterName);
    }

    /** Parses an UpdateExpression. */
    public static UpdateExpression update(String text, ExpressionContext ctx) {
        return UpdateParser.parse(text, ctx);
    }

    /** Parses a ProjectionExpression. */
    public static ProjectionExpression projection(String text, ExpressionContext ctx) {
        return ProjectionParser.parse(text, ctx);
    }

    /**
     * Parses a KeyConditionExpression and splits it into the partition-key equality and an optional
     * sort-key condition, checking that it only names the given key attributes, each once, with
     * operators an index supports. The caller checks the values' types against the key schema.
     */
    public static KeyCondition keyCondition(
            String text, ExpressionContext ctx, String hashKey, @Nullable String rangeKey) {
        ConditionNode condition = ConditionParser.parse(text, ctx, "KeyConditionExpression");
        return KeyConditions.of(condition, hashKey, rangeKey);
    }

    /**
     * Splits a key condition parsed earlier with {@link #condition condition(text, ctx,
     * "KeyConditionExpression")}, as {@link #keyCondition(String, ExpressionContext, String, String)}
     * does. DynamoDB reports unused placeholders before a key condition's structure, so a request
     * handler parses every expression, calls {@link ExpressionContext#requireAllUsed()}, then this.
     *
     * @throws IllegalArgumentException when the condition was not made by {@link #condition}
     */
    public static KeyCondition keyCondition(ConditionExpression parsed, String hashKey, @Nullable String rangeKey) {
        return KeyConditions.of(node(parsed), hashKey, rangeKey);
    }

    /**
     * Checks what a key condition parsed with {@link #condition condition(text, ctx,
     * "KeyConditionExpression")} can be checked for without the key schema (operators, one condition
     * per attribute, no nested paths, operand types): DynamoDB reports those before it looks the
     * table up.
     *
     * @throws IllegalArgumentException when the condition was not made by {@link #condition}
     */
    public static void checkKeyConditionShape(ConditionExpression parsed) {
        KeyConditions.checkShape(node(parsed));
    }

    private static ConditionNode node(ConditionExpression parsed) {
        if (!(parsed instanceof ConditionNode condition)) {
            throw new IllegalArgumentException("Only a condition from Expressions.condition can be split into key"
                    + " conditions, not " + parsed.getClass().getName());
        }
        return condition;
    }
}
