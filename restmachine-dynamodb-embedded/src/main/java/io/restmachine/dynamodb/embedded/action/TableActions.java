package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.table.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The small table-level actions: DescribeTable, DeleteTable, ListTables, DescribeTimeToLive,
 * UpdateTimeToLive. Each takes its request record and returns its result record.
 */
public final class TableActions {
    private TableActions() {}

    /** The request of the actions that name only a table. */
    public record TableName(String tableName) {}

    /** DescribeTable. */
    public static final Action<TableName, TableDescription> DESCRIBE_TABLE =
            (request, engine) -> TableDescription.current(
                    existing(engine, request.tableName()), engine.database().nowMillis());

    /** DeleteTable: removes the table and its items at once; answers with its last description. */
    public static final Action<TableName, TableDescription> DELETE_TABLE =
            (request, engine) -> TableDescription.of(engine.database().delete(request.tableName()), "DELETING");

    /**
     * ListTables' request.
     *
     * @param limit at most this many names (100 when absent)
     */
    public record ListRequest(int limit, @Nullable String exclusiveStartTableName) {}

    /** ListTables' result: the names, and the last of them when there are more. */
    public record ListResult(List<String> tableNames, @Nullable String lastEvaluatedTableName) {}

    /** ListTables: names in ascending order, paged by Limit (at most 100) and ExclusiveStartTableName. */
    public static final Action<ListRequest, ListResult> LIST_TABLES = (request, engine) -> {
        String start = request.exclusiveStartTableName();
        List<String> names = engine.database().tableNames();
        if (start != null) {
            names = names.stream().filter(n -> n.compareTo(start) > 0).toList();
        }
        if (names.size() > request.limit()) {
            names = names.subList(0, request.limit());
            return new ListResult(names, names.get(names.size() - 1));
        }
        return new ListResult(names, null);
    };

    /** The time to live of a table: its attribute when enabled, null when disabled. */
    public record TimeToLive(@Nullable String attributeName) {}

    /** DescribeTimeToLive: ENABLED with its attribute, or DISABLED. */
    public static final Action<TableName, TimeToLive> DESCRIBE_TIME_TO_LIVE = (request, engine) ->
            new TimeToLive(existing(engine, request.tableName()).definition().ttlAttribute());

    /** UpdateTimeToLive's request and result (its {@code TimeToLiveSpecification}). */
    public record TimeToLiveUpdate(String tableName, String attributeName, boolean enabled) {}

    /** UpdateTimeToLive: enables expiry on one number attribute (epoch seconds), or disables it. */
    public static final Action<TimeToLiveUpdate, TimeToLiveUpdate> UPDATE_TIME_TO_LIVE = (request, engine) -> {
        Table table = existing(engine, request.tableName());
        String attribute = request.attributeName();
        boolean enabled = request.enabled();
        String current = table.definition().ttlAttribute();
        if (enabled && current != null) {
            throw EngineException.validation("TimeToLive is already enabled");
        }
        if (!enabled && current == null) {
            throw EngineException.validation("TimeToLive is already disabled");
        }
        if (!enabled && !current.equals(attribute)) {
            throw EngineException.validation(
                    "The specified attribute name does not match the TTL attribute name on" + " the table: " + current);
        }
        engine.database().redefine(table, table.definition().withTtlAttribute(enabled ? attribute : null));
        return request;
    };

    /** The table, or the control plane's ResourceNotFoundException naming it. */
    static Table existing(Engine engine, String name) {
        return engine.database().find(name).orElseThrow(() -> new DynamoError(
                        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: " + name + " not found")
                .toException());
    }
}
