package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The condition a query puts on the sort key: one comparison, {@code BETWEEN} (with {@code upper})
 * or {@code begins_with}.
 *
 * @param attribute the sort key attribute name
 * @param op the comparison
 * @param value the operand (the lower bound for {@code BETWEEN}, the prefix for {@code BEGINS_WITH})
 * @param upper the upper bound for {@code BETWEEN}, null otherwise
 */
public record SortKeyCondition(String attribute, Op op, DynamoValue value, @Nullable DynamoValue upper) {

    /** The comparisons DynamoDB allows on a sort key. */
    public enum Op {
        EQ,
        LT,
        LE,
        GT,
        GE,
        BETWEEN,
        BEGINS_WITH
    }

    public SortKeyCondition {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if ((op == Op.BETWEEN) != (upper != null)) {
            throw new IllegalArgumentException("An upper bound is required for BETWEEN and only for BETWEEN, got " + op
                    + " with upper bound " + upper);
        }
    }

    /** Whether a sort key value satisfies the condition; values of another type never do. */
    public boolean matches(DynamoValue sortValue) {
        if (op == Op.BEGINS_WITH) {
            return DynamoValues.beginsWith(sortValue, value);
        }
        if (!DynamoValues.comparable(sortValue, value)) {
            return false;
        }
        int c = DynamoValues.compare(sortValue, value);
        return switch (op) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case BETWEEN -> c >= 0
                    && DynamoValues.comparable(sortValue, upper)
                    && DynamoValues.compare(sortValue, upper) <= 0;
            case BEGINS_WITH -> throw new AssertionError("handled above");
        };
    }
}
