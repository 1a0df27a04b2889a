package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.util.Map;

/**
 * A parsed condition, filter or key-condition expression with its placeholders resolved; evaluating
 * it cannot fail.
 */
@FunctionalInterface
public interface ConditionExpression {
    /** Whether the item satisfies the condition; an absent item is tested as an empty map. */
    boolean test(Map<String, AttributeValue> item);
}
