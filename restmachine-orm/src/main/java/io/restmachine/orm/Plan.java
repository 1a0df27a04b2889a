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

    /** The longest value {@link #toString()} shows in full. */
    private static final int SHOWN_VALUE = 60;

    /**
     * One readable line: operation, index, expressions, then the placeholders in the order they
     * appear in the expressions, long values shortened, e.g. {@code Query on table: key #pk = :v0;
     * filter #et = :et; #pk=pk, #et=entity_type, :v0="USER#alice", :et="TodoItem"}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(operation == Operation.QUERY ? "Query" : "Scan")
                .append(" on ")
                .append(index == null ? "table" : "index " + index)
                .append(scanForward ? "" : " (descending)")
                .append(':');
        String all = String.join(" ", expressions());
        if (keyCondition != null) {
            out.append(" key ").append(keyCondition).append(';');
        }
        if (filter != null) {
            out.append(" filter ").append(filter).append(';');
        }
        if (projection != null) {
            out.append(" projection ").append(projection).append(';');
        }
        List<String> placeholders = new java.util.ArrayList<>(names.keySet());
        placeholders.addAll(values.keySet());
        placeholders.sort(java.util.Comparator.comparingInt((String ph) -> firstUse(all, ph))
                .thenComparing(java.util.Comparator.naturalOrder()));
        List<String> shown = new java.util.ArrayList<>(placeholders.size());
        for (String ph : placeholders) {
            String v = names.containsKey(ph) ? names.get(ph) : values.get(ph);
            shown.add(ph + "=" + (v.length() <= SHOWN_VALUE ? v : v.substring(0, SHOWN_VALUE) + "..."));
        }
        return out.append(' ').append(String.join(", ", shown)).toString();
    }

    /** Where a placeholder is first used as a whole token ({@code :v1} is not {@code :v10}). */
    private static int firstUse(String text, String placeholder) {
        for (int at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + 1)) {
            int end = at + placeholder.length();
            if (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                return at;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Every expression of the plan, for display. */
    public List<String> expressions() {
        return java.util.stream.Stream.of(keyCondition, filter, projection)
                .filter(Objects::nonNull)
                .toList();
    }
}
