package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;
import java.util.Set;

/** A parsed projection expression: the attributes, or parts of nested documents, to return. */
public interface ProjectionExpression {
    /** The projected part of the item; paths the item lacks are left out. */
    Map<String, DynamoValue> apply(Map<String, DynamoValue> item);

    /** The top-level attribute names the projection reads. */
    Set<String> topLevelAttributes();

    /** The top-level attribute names the projection reads into ({@code a.b}, {@code a[0]}). */
    default Set<String> nestedAttributes() {
        return Set.of();
    }
}
