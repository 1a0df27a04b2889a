package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.partiql.Partiql;
import io.restmachine.dynamodb.embedded.partiql.Statement;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * BatchExecuteStatement: up to 25 statements, all reads or all writes, each run on its own (it is
 * not a transaction). A read must name an item's whole key and reads it as GetItem does; a write
 * runs as in ExecuteStatement. A statement that fails gets its error in its place in
 * {@code Responses}; the others still run.
 */
public final class BatchExecuteStatement
        implements Action<BatchExecuteStatement.Request, BatchExecuteStatement.Result> {

    /** One statement of the batch as sent. */
    public record Entry(
            String statement, List<DynamoValue> parameters, boolean consistentRead, boolean itemOnConditionFailure) {
        public Entry {
            parameters = List.copyOf(parameters);
        }
    }

    public record Request(List<Entry> statements, Capacity.Mode capacity) {
        public Request {
            statements = List.copyOf(statements);
        }
    }

    /**
     * What one statement gave: its table and (for a read that found it) the item, or its error.
     */
    public record Response(
            @Nullable String tableName, @Nullable Map<String, DynamoValue> item, @Nullable Failure error) {}

    /** One response per statement, in order, and the capacity per table when asked for. */
    public record Result(List<Response> responses, @Nullable List<Capacity.Consumed> capacity) {}

    /** Our wording: DynamoDB documents the rule but not its message. */
    static final String MIXED =
            "Unsupported operation: a batch must consist of either read statements or write" + " statements, not both";

    @Override
    public Result execute(Request request, Engine engine) {
        List<@Nullable Statement> parsed = new ArrayList<>();
        List<@Nullable Failure> failures = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (Entry entry : request.statements()) {
            try {
                Statement statement = Partiql.parse(entry.statement(), entry.parameters());
                parsed.add(statement);
                failures.add(null);
                reads |= statement instanceof Statement.Select;
                writes |= !(statement instanceof Statement.Select);
            } catch (EngineException e) {
                parsed.add(null);
                failures.add(Failure.of(e));
            }
        }
        if (reads && writes) {
            throw EngineException.validation(MIXED);
        }
        List<Response> responses = new ArrayList<>();
        Map<String, Double> units = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            Statement statement = parsed.get(i);
            if (statement == null) {
                responses.add(new Response(null, null, failures.get(i)));
                continue;
            }
            Entry entry = request.statements().get(i);
            try {
                responses.add(run(statement, entry, request.capacity(), engine, units));
            } catch (EngineFailure e) {
                responses.add(new Response(statement.table(), null, e.failure()));
            } catch (EngineException e) {
                responses.add(new Response(statement.table(), null, Failure.of(e)));
            }
        }
        List<Capacity.Consumed> capacity = null;
        if (request.capacity().wanted()) {
            capacity = new ArrayList<>();
            for (Map.Entry<String, Double> table : units.entrySet()) {
                capacity.add(Capacity.Consumed.of(request.capacity(), table.getKey(), table.getValue()));
            }
        }
        return new Result(responses, capacity);
    }

    private static Response run(
            Statement statement, Entry entry, Capacity.Mode mode, Engine engine, Map<String, Double> units) {
        if (statement instanceof Statement.Select select) {
            Table table = engine.database().table(select.table());
            if (select.index() != null) {
                throw EngineException.validation("This operation is not supported on an index");
            }
            if (select.where() == null) {
                throw EngineException.validation(StatementKeys.INCOMPLETE_KEY);
            }
            StatementKeys.Match match =
                    StatementKeys.fullKey(select.where(), table.definition().key());
            Projection projection = select.projection().isEmpty()
                    ? Projection.ALL
                    : new Projection(Partiql.projection(select.projection()), null);
            GetItem.Result got = new GetItem()
                    .execute(
                            new GetItem.Request(
                                    table.name(), match.key(), Projection.ALL, entry.consistentRead(), mode),
                            engine);
            Map<String, DynamoValue> item = got.item();
            if (item != null && match.rest() != null && !match.restCondition().test(item)) {
                item = null;
            }
            add(units, got.capacity());
            return new Response(table.name(), item == null ? null : projection.apply(item), null);
        }
        if (statement instanceof Statement.Exists) {
            throw EngineException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        WriteResult written = ExecuteStatement.write(
                statement, new WriteOptions(mode, false, entry.itemOnConditionFailure()), engine);
        add(units, written.capacity());
        return new Response(statement.table(), null, null);
    }

    private static void add(Map<String, Double> units, Capacity.@Nullable Consumed consumed) {
        if (consumed != null) {
            units.merge(consumed.tableName(), consumed.units(), Double::sum);
        }
    }
}
