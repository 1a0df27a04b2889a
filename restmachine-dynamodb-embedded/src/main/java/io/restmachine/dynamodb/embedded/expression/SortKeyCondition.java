package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.AttributeValues;
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
public record SortKeyCondition(String attribute, Op op, AttributeValue value, @Nullable AttributeValue upper) {

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
    public boolean matches(AttributeValue sortValue) {
        if (op == Op.BEGINS_WITH) {
            return AttributeValues.beginsWith(sortValue, value);
        }
        if (!AttributeValues.comparable(sortValue, value)) {
            return false;
        }
        int c = AttributeValues.compare(sortValue, value);
        return switch (op) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case BETWEEN -> c >= 0
                    && AttributeValues.comparable(sortValue, upper)
                    && AttributeValues.compare(sortValue, upper) <= 0;
            case BEGINS_WITH -> throw new AssertionError("handled above");
        };
    }
}
