package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.table.TableState;
import io.restmachine.dynamodb.embedded.table.ThroughputHistory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code TableDescription} as CreateTable, DescribeTable, UpdateTable and DeleteTable return it:
 * the definition shown, its status, the status of particular global indexes (CREATING right after
 * they were added; ACTIVE for the others), their {@code Backfilling} flag, and the counts at the time
 * of the answer ({@code DELETING} tables show none).
 *
 * @param backfilling the {@code Backfilling} member of particular global indexes: shown only for an
 *     index UpdateTable is adding (false in UpdateTable's own answer, while DynamoDB allocates its
 *     resources; true in DescribeTable until it is ACTIVE); absent for every other index, those created
 *     with the table included, as DynamoDB's GlobalSecondaryIndexDescription documents
 */
public record TableDescription(
        TableDefinition definition,
        String status,
        Map<String, String> indexStatus,
        Map<String, Boolean> backfilling,
        long sizeBytes,
        long itemCount,
        Map<String, IndexCounts> indexCounts,
        ThroughputHistory throughputHistory,
        int decreasesToday) {

    /** The size and entry count of one index (zero for an index the table no longer has). */
    public record IndexCounts(long sizeBytes, long itemCount) {}

    public TableDescription {
        indexStatus = Map.copyOf(indexStatus);
        backfilling = Map.copyOf(backfilling);
    }

    /** The table as DescribeTable shows it now: ACTIVE, or the change in progress (see {@link TableState}). */
    static TableDescription current(Table table, long nowMillis) {
        TableDescription shown = table.state(nowMillis)
                .map(state -> of(table, state.shown(), state.status(), state.indexStatus(), state.backfilling(true)))
                .orElseGet(() -> of(table, "ACTIVE"));
        // NumberOfDecreasesToday starts again at 0 each UTC day.
        return new TableDescription(
                shown.definition,
                shown.status,
                shown.indexStatus,
                shown.backfilling,
                shown.sizeBytes,
                shown.itemCount,
                shown.indexCounts,
                shown.throughputHistory,
                shown.throughputHistory.decreasesOn(java.time.Instant.ofEpochMilli(nowMillis)));
    }

    static TableDescription of(Table table, String status) {
        return of(table, table.definition(), status, Map.of());
    }

    static TableDescription of(Table table, TableDefinition shown, String status, Map<String, String> indexStatus) {
        return of(table, shown, status, indexStatus, Map.of());
    }

    static TableDescription of(
            Table table,
            TableDefinition shown,
            String status,
            Map<String, String> indexStatus,
            Map<String, Boolean> backfilling) {
        boolean counts = !status.equals("DELETING");
        Map<String, IndexCounts> indexCounts = new LinkedHashMap<>();
        for (IndexDefinition index : shown.indexes()) {
            boolean live = table.definition().index(index.name()).isPresent();
            indexCounts.put(
                    index.name(),
                    live
                            ? new IndexCounts(table.indexSizeBytes(index.name()), table.indexItemCount(index.name()))
                            : new IndexCounts(0, 0));
        }
        return new TableDescription(
                shown,
                status,
                indexStatus,
                backfilling,
                counts ? table.sizeBytes() : 0,
                counts ? table.itemCount() : 0,
                indexCounts,
                table.throughputHistory(),
                table.throughputHistory().decreasesToday());
    }
}
