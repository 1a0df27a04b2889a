package io.restmachine.orm.examples;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table schema the documentation asks for ({@code pk} HASH and {@code sk} RANGE, both strings,
 * PAY_PER_REQUEST), created by {@code backend.createTable()} with every index the registered models
 * declare.
 */
public final class TableSchema {
    private TableSchema() {}

    /** Creates the table on an in-memory engine and prints its description. */
    public static void main(String[] args) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            System.out.println(run(db.client()));
        }
    }

    /** Creates {@code my-app-table} for User and Account (with its ByEmail index) and describes it. */
    public static TableDescription run(DynamoDbClient client) {
        try (DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName("my-app-table")
                .client(client)
                .build()) {
            backend.repository(User.class);
            backend.repository(Account.class); // declares the GSI "ByEmail"
            backend.createTable(); // waits until ACTIVE (table and indexes); changes nothing else if the table exists
        }

        TableDescription table =
                client.describeTable(b -> b.tableName("my-app-table")).table();
        return table;
    }
}
