package io.restmachine.orm.examples;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.util.function.Consumer;

/** Where the examples' {@code main} methods run: an in-memory engine, no AWS account needed. */
final class InMemoryEngine {
    private InMemoryEngine() {}

    /** Runs an example with a backend on a fresh in-memory engine whose table exists; closes both afterwards. */
    static void run(Consumer<DynamoDBBackend> example) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName("my-app-table")
                        .client(db.client())
                        .build()) {
            backend.createTable();
            example.accept(backend);
        }
    }
}
