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
 * they were added; ACTIVE for the others), and the counts at the time of the answer ({@code DELETING}
 * tables show none).
 */
public record TableDescription(
        TableDefinition definition,
        String status,
        Map<String, String> indexStatus,
        long sizeBytes,
        long itemCount,
        Map<String, IndexCounts> indexCounts,
        ThroughputHistory throughputHistory,
        int decreasesToday) {

    /** The size and entry count of one index (zero for an index the table no longer has). */
    public record IndexCounts(long sizeBytes, long itemCount) {}

    /** The table as DescribeTable shows it now: ACTIVE, or the change in progress (see {@link TableState}). */
    static TableDescription current(Table table, long nowMillis) {
        TableDescription shown = table.state(nowMillis)
                .map(state -> of(table, state.shown(), state.status(), state.indexStatus()))
                .orElseGet(() -> of(table, "ACTIVE"));
        // NumberOfDecreasesToday starts again at 0 each UTC day.
        return new TableDescription(
                shown.definition,
                shown.status,
                shown.indexStatus,
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
                Map.copyOf(indexStatus),
                counts ? table.sizeBytes() : 0,
                counts ? table.itemCount() : 0,
                indexCounts,
                table.throughputHistory(),
                table.throughputHistory().decreasesToday());
    }
}
