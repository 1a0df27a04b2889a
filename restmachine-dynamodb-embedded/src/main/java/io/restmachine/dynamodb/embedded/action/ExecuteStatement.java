package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.partiql.Node;
import io.restmachine.dynamodb.embedded.partiql.Partiql;
import io.restmachine.dynamodb.embedded.partiql.Statement;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT reads a page as a Query or a Scan
 * ({@link SelectPlan}); INSERT, UPDATE and DELETE run as PutItem, UpdateItem and DeleteItem with
 * the conditions DynamoDB documents for them, so they take the same locks, limits, index upkeep
 * and log as those operations:
 *
 * <ul>
 *   <li>INSERT puts only where no item has the key, else DuplicateItemException;
 *   <li>UPDATE needs the item to exist and the rest of its WHERE to hold, else
 *       ConditionalCheckFailedException;
 *   <li>DELETE of a missing item succeeds; of an item for which the rest of its WHERE is false,
 *       ConditionalCheckFailedException.
 * </ul>
 */
public final class ExecuteStatement implements Action<ExecuteStatement.Request, ExecuteStatement.Result> {
    static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";

    /**
     * @param limit {@code Limit}, 0 when absent
     * @param start the ExclusiveStartKey a {@code NextToken} stands for, or null
     * @param itemOnConditionFailure {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}
     */
    public record Request(
            String statement,
            List<DynamoValue> parameters,
            boolean consistentRead,
            int limit,
            @Nullable Map<String, DynamoValue> start,
            Capacity.Mode capacity,
            boolean itemOnConditionFailure) {
        public Request {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * @param items what a SELECT read, or what a write's RETURNING asked for (empty otherwise)
     * @param statement the statement, to which a NextToken is bound
     * @param lastEvaluatedKey where a SELECT stopped before its end, or null
     */
    public record Result(
            String statement,
            List<Map<String, DynamoValue>> items,
            @Nullable Map<String, DynamoValue> lastEvaluatedKey,
            Capacity.@Nullable Consumed capacity) {}

    @Override
    public Result execute(Request request, Engine engine) {
        Statement statement = Partiql.parse(request.statement(), request.parameters());
        if (statement instanceof Statement.Select select) {
            Table table = engine.database().table(select.table());
            PageReader.Page page = SelectPlan.of(
                            select, table, engine.database().nowMillis(), request.consistentRead())
                    .read(
                            new PageReader.Options(request.limit(), null, request.consistentRead(), request.capacity()),
                            request.start());
            return new Result(
                    request.statement(),
                    page.items() == null ? List.of() : page.items(),
                    page.lastEvaluatedKey(),
                    page.capacity());
        }
        if (statement instanceof Statement.Exists) {
            throw io.restmachine.dynamodb.embedded.error.EngineException.validation(
                    "EXISTS can only be used in ExecuteTransaction write requests.");
        }
        WriteOptions options = new WriteOptions(request.capacity(), false, request.itemOnConditionFailure());
        WriteResult written = write(statement, options, engine);
        Map<String, DynamoValue> returned = written.attributes();
        return new Result(
                request.statement(), returned == null ? List.of() : List.of(returned), null, written.capacity());
    }

    /** Runs an INSERT, UPDATE or DELETE through the single-item write action it stands for. */
    static WriteResult write(Statement statement, WriteOptions options, Engine engine) {
        Table table = engine.database().table(statement.table());
        String hash = table.definition().key().hashName();
        if (statement instanceof Statement.Insert insert) {
            Map<String, DynamoValue> item = KeyRules.sizedItem(insert.item());
            checkKeyTypes(item, table);
            WriteExpressions notThere =
                    new WriteExpressions(Partiql.condition(StatementKeys.exists(hash, false)), null);
            try {
                return new PutItem()
                        .execute(
                                new PutItem.Request(
                                        table.name(),
                                        item,
                                        notThere,
                                        false,
                                        new WriteOptions(options.capacity(), false, false)),
                                engine);
            } catch (EngineFailure e) {
                if (e.failure() instanceof Failure.ConditionFailed) {
                    throw new DynamoError(ErrorType.DUPLICATE_ITEM, DUPLICATE_ITEM).toException();
                }
                throw e;
            }
        }
        if (statement instanceof Statement.Update update) {
            StatementKeys.Match match =
                    StatementKeys.fullKey(update.where(), table.definition().key());
            return new UpdateItem()
                    .execute(
                            new UpdateItem.Request(
                                    table.name(),
                                    match.key(),
                                    updateExpressions(update, hash, match),
                                    returnValues(update.returning()),
                                    options),
                            engine);
        }
        Statement.Delete delete = (Statement.Delete) statement;
        StatementKeys.Match match =
                StatementKeys.fullKey(delete.where(), table.definition().key());
        return new DeleteItem()
                .execute(
                        new DeleteItem.Request(
                                table.name(),
                                match.key(),
                                deleteExpressions(hash, match),
                                delete.returning() == Statement.Returning.ALL_OLD,
                                options),
                        engine);
    }

    /** The item must exist (UPDATE is no upsert) and the rest of the WHERE hold. */
    static WriteExpressions updateExpressions(Statement.Update update, String hash, StatementKeys.Match match) {
        Node exists = StatementKeys.exists(hash, true);
        Node condition = match.rest() == null ? exists : new Node.And(exists, match.rest());
        return new WriteExpressions(Partiql.condition(condition), Partiql.update(update.assignments()));
    }

    /** A missing item is deleted without error; an existing one only if the rest of the WHERE holds. */
    static WriteExpressions deleteExpressions(String hash, StatementKeys.Match match) {
        if (match.rest() == null) {
            return WriteExpressions.NONE;
        }
        return new WriteExpressions(
                Partiql.condition(new Node.Or(StatementKeys.exists(hash, false), match.rest())), null);
    }

    /** DynamoDB's message for an INSERT whose key value has another type than the schema's. */
    static void checkKeyTypes(Map<String, DynamoValue> item, Table table) {
        for (String name : table.definition().key().names()) {
            DynamoValue value = item.get(name);
            if (value != null && !value.type().equals(table.definition().key().typeOf(name))) {
                throw io.restmachine.dynamodb.embedded.error.EngineException.validation(
                        "Key attribute's data type should match its data type in table's schema: Key " + name);
            }
        }
    }

    private static UpdateItem.ReturnValues returnValues(Statement.Returning returning) {
        return switch (returning) {
            case NONE -> UpdateItem.ReturnValues.NONE;
            case ALL_OLD -> UpdateItem.ReturnValues.ALL_OLD;
            case ALL_NEW -> UpdateItem.ReturnValues.ALL_NEW;
            case MODIFIED_OLD -> UpdateItem.ReturnValues.UPDATED_OLD;
            case MODIFIED_NEW -> UpdateItem.ReturnValues.UPDATED_NEW;
        };
    }
}
