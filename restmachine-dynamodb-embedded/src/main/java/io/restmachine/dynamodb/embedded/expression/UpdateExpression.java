package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
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
    Map<String, DynamoValue> apply(Map<String, DynamoValue> item);

    /** The top-level attribute names the update writes or removes (to reject key attribute updates). */
    Set<String> topLevelAttributes();

    /**
     * The paths the update names, as a projection. DynamoDB defines {@code UPDATED_OLD} as this
     * projection of the item before the update and {@code UPDATED_NEW} as this projection of the
     * item after it, whether or not a value changed: {@code SET a.b = :v} returns {@code {a: {b:
     * ...}}}, {@code SET a = a} returns {@code a}, {@code SET l[1] = :v} returns {@code {l: [...]}}
     * with the one element.
     */
    ProjectionExpression updatedPaths();

    /**
     * Whether the update only takes away (every action is a REMOVE, or a DELETE of set elements).
     * DynamoDB does not create a missing item for such an update; an update with no actions at
     * all (legacy {@code AttributeUpdates: {}}) does create it.
     */
    boolean onlyRemoves();

    /** The top-level attribute names the update reads or writes into ({@code a.b}, {@code a[0]}). */
    default Set<String> nestedAttributes() {
        return Set.of();
    }

    /**
     * The type each {@code SET name = :value} assigns to a top-level attribute, where the value's
     * type is known before the item is read (a placeholder, {@code list_append}, arithmetic).
     */
    default Map<String, String> assignedTypes() {
        return Map.of();
    }
}
