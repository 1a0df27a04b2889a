package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.util.Map;
import java.util.Set;

/** A parsed update expression (SET, REMOVE, ADD, DELETE) with its placeholders resolved. */
public interface UpdateExpression {
    /**
     * Applies the update to a copy of the item; the argument is not modified.
     *
     * @throws io.restmachine.dynamodb.embedded.error.EngineException a ValidationException when the
     *     item's data does not fit the update, e.g. "An operand in the update expression has an
     *     incorrect data type"; the item is then left as it was
     */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    /** The top-level attribute names the update writes or removes (to reject key attribute updates). */
    Set<String> topLevelAttributes();
}
