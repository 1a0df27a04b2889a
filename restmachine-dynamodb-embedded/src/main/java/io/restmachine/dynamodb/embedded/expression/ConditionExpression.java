package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;
import java.util.Set;

/**
 * A parsed condition, filter or key-condition expression with its placeholders resolved; evaluating
 * it cannot fail.
 */
public interface ConditionExpression {
    /** Whether the item satisfies the condition; an absent item is tested as an empty map. */
    boolean test(Map<String, DynamoValue> item);

    /**
     * The top-level attribute names the condition reads, in the order they first appear (to reject
     * a filter on key attributes: "Filter Expression can only contain non-primary key attributes").
     */
    Set<String> topLevelAttributes();

    /**
     * The top-level attribute names the condition reads into ({@code a.b}, {@code a[0]}): a key
     * attribute among them is refused ("Key attributes must be scalars").
     */
    default Set<String> nestedAttributes() {
        return Set.of();
    }
}
