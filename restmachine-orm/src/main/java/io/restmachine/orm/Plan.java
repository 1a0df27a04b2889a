package io.restmachine.orm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a query runs: {@link Operation#QUERY} or {@link Operation#SCAN}, on which index, with which
 * expressions. Returned by {@link Query#explain()}; nothing is sent.
 *
 * @param operation Query or Scan
 * @param index the GSI name, or null for the table
 * @param keyCondition the key condition expression (Query only), or null
 * @param filter the filter expression (always includes the entity-type restriction), or null
 * @param projection the projection expression, or null
 * @param names placeholder to attribute name
 * @param values placeholder to value, rendered as text
 * @param scanForward ascending sort-key order
 * @param reason why the read runs on this table or index (and, for a Scan, which key fields are
 *     missing for a Query), or null when there was no choice to explain
 */
public record Plan(
        Operation operation,
        @Nullable String index,
        @Nullable String keyCondition,
        @Nullable String filter,
        @Nullable String projection,
        Map<String, String> names,
        Map<String, String> values,
        boolean scanForward,
        @Nullable String reason) {

    public Plan {
        Objects.requireNonNull(operation, "operation");
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }

    /** A plan without a {@link #reason()}. */
    public Plan(
            Operation operation,
            @Nullable String index,
            @Nullable String keyCondition,
            @Nullable String filter,
            @Nullable String projection,
            Map<String, String> names,
            Map<String, String> values,
            boolean scanForward) {
        this(operation, index, keyCondition, filter, projection, names, values, scanForward, null);
    }

    /** The DynamoDB operation a query runs as. */
    public enum Operation {
        QUERY,
        SCAN
    }

    /** Every expression of the plan, for display. */
    public List<String> expressions() {
        return java.util.stream.Stream.of(keyCondition, filter, projection)
                .filter(Objects::nonNull)
                .toList();
    }
}
