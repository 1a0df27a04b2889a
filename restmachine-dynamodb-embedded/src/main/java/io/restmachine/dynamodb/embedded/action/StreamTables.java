package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.stream.StreamSetting;
import io.restmachine.dynamodb.embedded.stream.ViewType;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code StreamSpecification} on CreateTable and UpdateTable: the rules DynamoDB applies to it,
 * and the table's stream setting it enables or disables. CreateTable and UpdateTable run as
 * before; a stream change is one more definition change after theirs.
 */
public final class StreamTables {
    private StreamTables() {}

    /** A decoded {@code StreamSpecification}. */
    public record Specification(boolean enabled, @Nullable ViewType viewType) {}

    /** CreateTable with its stream specification (null when absent). */
    public record Create(CreateTable.Request table, @Nullable Specification stream) {}

    /** UpdateTable with its stream specification (null when absent). */
    public record Update(UpdateTable.Request table, @Nullable Specification stream) {}

    /** CreateTable, then the stream when one is enabled. */
    public static final Action<Create, TableDescription> CREATE = (request, engine) -> {
        Specification stream = request.stream();
        if (stream != null && stream.enabled() && stream.viewType() == null) {
            throw EngineException.validation("One or more parameter values were invalid: Table is being created with"
                    + " a stream enabled, StreamViewType should be specified");
        }
        if (stream != null && !stream.enabled() && stream.viewType() != null) {
            throw EngineException.validation("One or more parameter values were invalid: Table is being created with"
                    + " a stream disabled, UpdateViewType should not be specified");
        }
        TableDescription created = new CreateTable().execute(request.table(), engine);
        if (stream == null || !stream.enabled() || stream.viewType() == null) {
            return created;
        }
        Database database = engine.database();
        // find, not table: the new table may still be CREATING (TableDelays), which item operations refuse.
        Table table = database.find(request.table().tableName()).orElseThrow();
        StreamSetting setting = StreamSetting.enabled(
                stream.viewType(),
                database.clock().instant(),
                database.streams().nextSequence());
        database.redefine(table, table.definition().withStream(setting));
        return shown(created, created.definition().withStream(setting));
    };

    /** UpdateTable's other changes (if any), then the stream enabled or disabled. */
    public static final Action<Update, TableDescription> UPDATE = (request, engine) -> {
        Specification stream = request.stream();
        UpdateTable.Request other = request.table();
        if (stream == null) {
            return new UpdateTable().execute(other, engine);
        }
        if (stream.enabled() && stream.viewType() == null) {
            throw EngineException.validation("One or more parameter values were invalid: StreamViewType is required"
                    + " when StreamEnabled is true");
        }
        Database database = engine.database();
        Table table = TableActions.existing(engine, other.tableName());
        StreamSetting current = table.definition().stream();
        boolean hasStream = current != null && current.enabled();
        if (stream.enabled() && hasStream) {
            throw EngineException.validation("Table already has an enabled stream: TableName: " + other.tableName());
        }
        if (!stream.enabled() && !hasStream) {
            throw EngineException.validation("One or more parameter values were invalid: Table does not have a stream"
                    + " to disable: TableName: " + other.tableName());
        }
        boolean otherChanges = other.throughput() != null
                || other.billingMode() != null
                || (other.indexUpdates() != null && !other.indexUpdates().isEmpty());
        TableDescription updated = otherChanges
                ? new UpdateTable().execute(other, engine)
                : TableDescription.of(table, table.definition(), "UPDATING", java.util.Map.of());
        StreamSetting next = stream.enabled()
                ? StreamSetting.enabled(
                        stream.viewType(),
                        database.clock().instant(),
                        database.streams().nextSequence())
                : current.disabled(database.clock().instant());
        database.redefine(table, table.definition().withStream(next));
        return shown(updated, updated.definition().withStream(next));
    };

    private static TableDescription shown(TableDescription description, TableDefinition definition) {
        return new TableDescription(
                definition,
                description.status(),
                description.indexStatus(),
                description.backfilling(),
                description.sizeBytes(),
                description.itemCount(),
                description.indexCounts(),
                description.throughputHistory(),
                description.decreasesToday());
    }

    /** The view types in the order DynamoDB lists them in its enum constraint message. */
    public static final List<String> VIEW_TYPES = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
}
