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

    /** Whether the change is still in progress at {@code nowMillis}. */
    public boolean pendingAt(long nowMillis) {
        return nowMillis < untilMillis;
    }
}
