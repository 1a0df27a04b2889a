package io.restmachine.dynamodb.embedded.table;

import java.util.Map;
import java.util.Objects;

/**
 * A change of a table still in progress, as DynamoDB shows it: the table is {@code CREATING},
 * {@code UPDATING} or {@code DELETING} until {@code untilMillis} (engine clock), and meanwhile
 * described with {@code shown} (an update shows the old throughput until it completes) and the
 * given global index statuses. A table without one is ACTIVE.
 *
 * @param status CREATING, UPDATING or DELETING
 * @param untilMillis epoch milliseconds of the engine's clock at which the change completes
 * @param shown the definition DescribeTable shows while the change is in progress
 * @param indexStatus the status of particular global indexes meanwhile (the others are ACTIVE)
 */
public record TableState(String status, long untilMillis, TableDefinition shown, Map<String, String> indexStatus) {
    public TableState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(shown, "shown");
        indexStatus = Map.copyOf(indexStatus);
    }

    /**
     * The global indexes this change is backfilling, each with {@code started}: the indexes UpdateTable
     * adds (CREATING while the table is UPDATING). Indexes created with the table are not backfilled,
     * and DynamoDB shows no {@code Backfilling} member for them.
     */
    public Map<String, Boolean> backfilling(boolean started) {
        return status.equals("UPDATING") ? backfilling(indexStatus, started) : Map.of();
    }

    /** The indexes of an UpdateTable's {@code indexStatus} that it adds (CREATING), each with {@code started}. */
    public static Map<String, Boolean> backfilling(Map<String, String> indexStatus, boolean started) {
        Map<String, Boolean> backfilling = new java.util.LinkedHashMap<>();
        indexStatus.forEach((index, indexState) -> {
            if (indexState.equals("CREATING")) {
                backfilling.put(index, started);
            }
        });
        return backfilling;
    }

    /** Whether {@code index} is being backfilled at {@code nowMillis}, so that it cannot be read yet. */
    public boolean backfillingAt(String index, long nowMillis) {
        return pendingAt(nowMillis) && status.equals("UPDATING") && "CREATING".equals(indexStatus.get(index));
    }

    /** Whether the change is still in progress at {@code nowMillis}. */
    public boolean pendingAt(long nowMillis) {
        return nowMillis < untilMillis;
    }
}
