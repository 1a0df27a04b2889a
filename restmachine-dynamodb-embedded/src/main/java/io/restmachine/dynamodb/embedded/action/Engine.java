package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.table.Database;

/**
 * The engine as actions see it: the database, the fault settings, the transaction idempotency
 * cache. It knows nothing of HTTP or JSON.
 */
public final class Engine {
    private final Database database;
    private final FaultPlan faults;
    private final TransactionTokens tokens;

    public Engine(Database database, FaultPlan faults) {
        this.database = database;
        this.faults = faults;
        this.tokens = new TransactionTokens(database.clock());
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
}
