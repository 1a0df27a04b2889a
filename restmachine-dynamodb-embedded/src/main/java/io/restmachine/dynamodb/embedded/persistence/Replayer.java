package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.stream.StreamCatalog;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import java.util.List;
import java.util.Optional;

/**
 * Applies snapshot and log records to a {@link Database} that logs nothing while it recovers.
 * Every rule is idempotent, because a snapshot is taken while writes go on and may already hold
 * the effect of log records replayed after it: a definition replaces the current one of the same
 * table identity (or creates the table); a deletion or an item change for another identity than
 * the table now under that name belongs to an earlier table of that name and is skipped; item
 * changes set the item to its logged after-image. Indexes are rebuilt from the items as they are
 * applied.
 */
final class Replayer {
    private final Database database;

    Replayer(Database database) {
        this.database = database;
    }

    void apply(LogRecord record) {
        if (record instanceof LogRecord.Schema schema) {
            Optional<Table> existing = database.find(schema.definition().name());
            if (existing.isEmpty()) {
                database.create(schema.definition());
            } else if (sameTable(existing.get(), schema.definition().tableId())) {
                database.redefine(existing.get(), schema.definition());
            }
        } else if (record instanceof LogRecord.TableDeleted deleted) {
            Optional<Table> existing = database.find(deleted.name());
            if (existing.isPresent() && sameTable(existing.get(), deleted.tableId())) {
                database.delete(deleted.name());
            }
        } else if (record instanceof LogRecord.State state) {
            Optional<Table> existing = database.find(state.name());
            if (existing.isPresent() && sameTable(existing.get(), state.tableId())) {
                database.restoreState(existing.get(), state.state());
            }
        } else if (record instanceof LogRecord.Tags tags) {
            Optional<Table> existing = database.find(tags.name());
            if (existing.isPresent() && sameTable(existing.get(), tags.tableId())) {
                database.retag(existing.get(), current -> tags.tags());
            }
        } else if (record instanceof LogRecord.Items items) {
            for (LogRecord.Change change : items.changes()) {
                apply(change);
            }
            for (StreamCatalog.Emitted emitted : items.streamRecords()) {
                database.streams().restore(emitted.streamArn(), emitted.record());
            }
        } else if (record instanceof LogRecord.Stream stream) {
            database.streams().restore(stream.stream(), stream.disabledAt(), stream.trimmedThrough(), stream.records());
        } else {
            throw new IllegalArgumentException("a " + record.getClass().getSimpleName()
                    + " record may only end a snapshot, but was found among the changes");
        }
    }

    private void apply(LogRecord.Change change) {
        Optional<Table> table = database.find(change.table());
        if (table.isEmpty() || !sameTable(table.get(), change.tableId())) {
            return;
        }
        StoreKey key = StoreKey.of(change.partition(), change.sort());
        // One change at a time, each against the item as it now is, so that index entries of the
        // previous version are removed.
        database.replay(List.of(new ItemWrite(table.get(), key, table.get().get(key), change.after())));
    }

    private static boolean sameTable(Table table, String tableId) {
        return table.definition().tableId().equals(tableId);
    }
}
