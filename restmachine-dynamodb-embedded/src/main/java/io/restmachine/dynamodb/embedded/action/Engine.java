package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.table.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine as actions see it: the database, the fault settings, the transaction idempotency
 * cache, and the table of actions by name. It knows nothing of HTTP.
 */
public final class Engine {
    private final Database database;
    private final FaultPlan faults;
    private final TransactionTokens tokens;
    private final Map<String, Action> actions;

    public Engine(Database database, FaultPlan faults) {
        this.database = database;
        this.faults = faults;
        this.tokens = new TransactionTokens(database.clock());
        this.actions = List.of(
                        new CreateTable(),
                        new DeleteTable(),
                        new DescribeTable(),
                        new ListTables(),
                        new UpdateTable(),
                        new UpdateTimeToLive(),
                        new DescribeTimeToLive(),
                        new PutItem(),
                        new GetItem(),
                        new DeleteItem(),
                        new UpdateItem(),
                        new Query(),
                        new Scan(),
                        new BatchGetItem(),
                        new BatchWriteItem(),
                        new TransactWriteItems(),
                        new TransactGetItems())
                .stream()
                .collect(Collectors.toUnmodifiableMap(Action::name, Function.identity()));
    }

    public Database database() {
        return database;
    }

    public FaultPlan faults() {
        return faults;
    }

    TransactionTokens tokens() {
        return tokens;
    }

    /** The action named {@code name}, if the engine implements it. */
    public Optional<Action> action(String name) {
        return Optional.ofNullable(actions.get(name));
    }
}
