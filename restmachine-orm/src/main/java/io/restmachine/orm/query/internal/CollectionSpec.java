package io.restmachine.orm.query.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an item-collection read asks for, independent of paging.
 *
 * @param partition the stored partition key value, or null when it is computed from {@code eq}
 * @param eq field values the listed models compute the partition key from, in the order given
 * @param index the global secondary index to read, or null for the table
 * @param sortKey the sort-key condition, or null for the whole partition
 * @param descending reverse sort-key order
 * @param consistentRead strongly consistent reads
 */
public record CollectionSpec(
        @Nullable String partition,
        Map<String, Object> eq,
        @Nullable String index,
        @Nullable SortKeyCondition sortKey,
        boolean descending,
        boolean consistentRead) {
    public CollectionSpec {
        eq = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eq));
    }

    /** DynamoDB's sort-key comparisons in a key condition. */
    public enum SortKeyOp {
        EQ("sortKeyEq", " = "),
        LT("sortKeyLt", " < "),
        LTE("sortKeyLte", " <= "),
        GT("sortKeyGt", " > "),
        GTE("sortKeyGte", " >= "),
        BETWEEN("sortKeyBetween", null),
        BEGINS_WITH("sortKeyBeginsWith", null);

        private final String method;
        private final @Nullable String operator;

        SortKeyOp(String method, @Nullable String operator) {
            this.method = method;
            this.operator = operator;
        }

        /** The builder method that sets it, for messages. */
        public String method() {
            return method;
        }

        /** The comparison operator, or null for {@code BETWEEN} and {@code begins_with}. */
        public @Nullable String operator() {
            return operator;
        }
    }

    /**
     * One sort-key condition on the stored sort key.
     *
     * @param op the comparison
     * @param values one value, or two for {@code BETWEEN}
     */
    public record SortKeyCondition(SortKeyOp op, List<String> values) {
        public SortKeyCondition {
            Objects.requireNonNull(op, "op");
            values = List.copyOf(values);
        }

        /** For messages: {@code sortKeyBeginsWith("ORDER#")}. */
        public String describe() {
            return op.method() + "("
                    + String.join(
                            ", ", values.stream().map(v -> "\"" + v + "\"").toList()) + ")";
        }
    }
}
