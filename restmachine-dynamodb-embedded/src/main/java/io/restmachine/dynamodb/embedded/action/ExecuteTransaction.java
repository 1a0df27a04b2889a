package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.partiql.Node;
import io.restmachine.dynamodb.embedded.partiql.Partiql;
import io.restmachine.dynamodb.embedded.partiql.Statement;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ExecuteTransaction: up to 100 statements, all reads or all writes, all or nothing. Writes run as
 * one TransactWriteItems (INSERT as a Put that needs the key free, UPDATE and DELETE with the
 * conditions of ExecuteStatement, {@code EXISTS(SELECT ...)} as a ConditionCheck), so they share
 * its locking, cancellation reasons and ClientRequestToken idempotency; reads run as one
 * TransactGetItems. A cancelled INSERT whose key was taken has the reason {@code DuplicateItem}.
 */
public final class ExecuteTransaction implements Action<ExecuteTransaction.Request, ExecuteTransaction.Result> {

    /** One statement of the transaction as sent. */
    public record Entry(String statement, List<DynamoValue> parameters, boolean itemOnConditionFailure) {
        public Entry {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * @param fingerprint the request without its token, compared by {@code equals} when the token
     *     comes back
     */
    public record Request(
            List<Entry> statements, @Nullable String clientRequestToken, Object fingerprint, Capacity.Mode capacity) {
        public Request {
            statements = List.copyOf(statements);
        }
    }

    /**
     * @param items for a transaction of reads, one item per statement (null where there is none);
     *     null for writes
     */
    public record Result(
            @Nullable List<@Nullable Map<String, DynamoValue>> items, @Nullable List<Capacity.Consumed> capacity) {}

    static final String MIXED =
            "ExecuteTransaction API does not support both read and write operations in the same request.";

    @Override
    public Result execute(Request request, Engine engine) {
        List<Statement> statements = new ArrayList<>();
        for (Entry entry : request.statements()) {
            statements.add(Partiql.parse(entry.statement(), entry.parameters()));
        }
        long reads =
                statements.stream().filter(s -> s instanceof Statement.Select).count();
        if (reads == statements.size()) {
            return read(statements, request, engine);
        }
        if (reads > 0) {
            throw EngineException.validation(MIXED);
        }
        List<Validated<TransactWriteItems.Operation>> operations = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            boolean itemOnFailure = request.statements().get(i).itemOnConditionFailure();
            operations.add(Validated.of(() -> operation(statement, itemOnFailure, engine)));
        }
        TransactWriteItems.Request transaction = new TransactWriteItems.Request(
                operations, request.clientRequestToken(), request.fingerprint(), request.capacity(), false);
        try {
            return new Result(
                    null, new TransactWriteItems().execute(transaction, engine).capacity());
        } catch (EngineFailure e) {
            if (e.failure() instanceof Failure.Canceled canceled) {
                throw duplicates(canceled, statements).toException();
            }
            throw e;
        }
    }

    private static Result read(List<Statement> statements, Request request, Engine engine) {
        List<Validated<TransactGetItems.Get>> gets = new ArrayList<>();
        for (Statement statement : statements) {
            Statement.Select select = (Statement.Select) statement;
            gets.add(Validated.of(() -> get(select, engine)));
        }
        List<Map<String, DynamoValue>> items = new TransactGetItems()
                .execute(new TransactGetItems.Request(gets, request.capacity()), engine)
                .items();
        // A transactional read costs two read units per item, as TransactGetItems; one entry per table.
        List<Capacity.Consumed> capacity = null;
        if (request.capacity().wanted()) {
            Map<String, Double> units = new java.util.LinkedHashMap<>();
            statements.forEach(statement -> units.merge(statement.table(), 2.0, Double::sum));
            capacity = new ArrayList<>();
            for (Map.Entry<String, Double> table : units.entrySet()) {
                capacity.add(Capacity.Consumed.of(request.capacity(), table.getKey(), table.getValue()));
            }
        }
        return new Result(items, capacity);
    }

    private static TransactGetItems.Get get(Statement.Select select, Engine engine) {
        if (select.index() != null) {
            throw EngineException.validation("Reads on indices are not supported within transactions.");
        }
        Table table = engine.database().table(select.table());
        String message =
                "Select statements within ExecuteTransaction must specify the primary key in the where" + " clause.";
        if (select.where() == null) {
            throw EngineException.validation(message);
        }
        StatementKeys.Match match;
        try {
            match = StatementKeys.fullKey(select.where(), table.definition().key());
        } catch (EngineException e) {
            throw e.error().message().equals(StatementKeys.INCOMPLETE_KEY) ? EngineException.validation(message) : e;
        }
        Projection projection = select.projection().isEmpty()
                ? Projection.ALL
                : new Projection(Partiql.projection(select.projection()), null);
        return new TransactGetItems.Get(table.name(), match.key(), projection);
    }

    private static TransactWriteItems.Operation operation(Statement statement, boolean itemOnFailure, Engine engine) {
        Table table = engine.database().table(statement.table());
        String hash = table.definition().key().hashName();
        if (statement instanceof Statement.Insert insert) {
            Map<String, DynamoValue> item = KeyRules.sizedItem(insert.item());
            ExecuteStatement.checkKeyTypes(item, table);
            return new TransactWriteItems.Operation(
                    TransactWriteItems.Kind.PUT,
                    table.name(),
                    item,
                    new WriteExpressions(Partiql.condition(StatementKeys.exists(hash, false)), null),
                    false);
        }
        if (statement instanceof Statement.Update update) {
            requireNoReturning(update.returning());
            StatementKeys.Match match =
                    StatementKeys.fullKey(update.where(), table.definition().key());
            return new TransactWriteItems.Operation(
                    TransactWriteItems.Kind.UPDATE,
                    table.name(),
                    match.key(),
                    ExecuteStatement.updateExpressions(update, hash, match),
                    itemOnFailure);
        }
        if (statement instanceof Statement.Delete delete) {
            requireNoReturning(delete.returning());
            StatementKeys.Match match =
                    StatementKeys.fullKey(delete.where(), table.definition().key());
            return new TransactWriteItems.Operation(
                    TransactWriteItems.Kind.DELETE,
                    table.name(),
                    match.key(),
                    ExecuteStatement.deleteExpressions(hash, match),
                    itemOnFailure);
        }
        Statement.Select select = ((Statement.Exists) statement).select();
        if (select.index() != null) {
            throw EngineException.validation("Operations on indices are not supported in transactions");
        }
        String message = "EXISTS() must contain a single item read with additional condition";
        if (select.where() == null) {
            throw EngineException.validation(message);
        }
        StatementKeys.Match match =
                StatementKeys.fullKey(select.where(), table.definition().key());
        if (match.rest() == null) {
            throw EngineException.validation(message);
        }
        Node condition = new Node.And(StatementKeys.exists(hash, true), match.rest());
        return new TransactWriteItems.Operation(
                TransactWriteItems.Kind.CONDITION_CHECK,
                table.name(),
                match.key(),
                new WriteExpressions(Partiql.condition(condition), null),
                itemOnFailure);
    }

    /** Our wording: DynamoDB refuses RETURNING in a transaction, with a message not documented. */
    private static void requireNoReturning(Statement.Returning returning) {
        if (returning != Statement.Returning.NONE) {
            throw EngineException.validation("Unsupported clause: RETURNING is not supported in ExecuteTransaction");
        }
    }

    /** An INSERT cancelled by its condition failed because its key was taken: DuplicateItem. */
    private static Failure.Canceled duplicates(Failure.Canceled canceled, List<Statement> statements) {
        List<Failure.Reason> reasons = new ArrayList<>(canceled.reasons());
        for (int i = 0; i < reasons.size() && i < statements.size(); i++) {
            if (statements.get(i) instanceof Statement.Insert
                    && reasons.get(i).code().equals("ConditionalCheckFailed")) {
                reasons.set(i, new Failure.Reason("DuplicateItem", ExecuteStatement.DUPLICATE_ITEM, null));
            }
        }
        return new Failure.Canceled(reasons);
    }
}
