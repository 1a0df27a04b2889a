package io.restmachine.orm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a query runs: {@link Operation#QUERY} or {@link Operation#SCAN}, on which index, with which
 * expressions. Returned by {@link Query#explain()}; nothing is sent.
 *
 * <p>A query of a sealed type's repository whose subtypes compute different partition keys sends
 * one Query per key: its components describe the first request and {@link #requests()} lists
 * every request in the order they are sent.
 *
 * <pre>{@code
 * for (Plan request : vehicles.where().eq("fleetId", "f1").explain().requests()) {
 *     System.out.println(request.keyCondition() + " / " + request.filter());
 * }
 * }</pre>
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
 * @param requests every request of a read of several requests; empty for a read of one
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
        @Nullable String reason,
        List<Plan> requests) {

    public Plan {
        Objects.requireNonNull(operation, "operation");
        names = Map.copyOf(names);
        values = Map.copyOf(values);
        requests = List.copyOf(requests);
    }

    /** The plan of one request, with the {@link #reason()} for its table or index. */
    public Plan(
            Operation operation,
            @Nullable String index,
            @Nullable String keyCondition,
            @Nullable String filter,
            @Nullable String projection,
            Map<String, String> names,
            Map<String, String> values,
            boolean scanForward,
            @Nullable String reason) {
        this(operation, index, keyCondition, filter, projection, names, values, scanForward, reason, List.of());
    }

    /** The plan of a read of several requests: the first one's details, and all of them in order. */
    public static Plan of(List<Plan> requests) {
        if (requests.size() == 1) {
            return requests.get(0);
        }
        Plan first = requests.get(0);
        return new Plan(
                first.operation,
                first.index,
                first.keyCondition,
                first.filter,
                first.projection,
                first.names,
                first.values,
                first.scanForward,
                first.reason,
                requests);
    }

    /** Every request the read sends, in order: just this plan for a read of one request. */
    @Override
    public List<Plan> requests() {
        return requests.isEmpty() ? List.of(this) : requests;
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
