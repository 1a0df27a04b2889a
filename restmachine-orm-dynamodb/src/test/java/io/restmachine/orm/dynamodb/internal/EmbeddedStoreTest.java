package io.restmachine.orm.dynamodb.internal;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store contract on the embedded engine, in-process. */
class EmbeddedStoreTest extends StoreContract {
    private EmbeddedDynamoDB db;

    @Override
    DynamoDbClient newClient() {
        db = EmbeddedDynamoDB.inMemory();
        return db.client();
    }

    @AfterEach
    void closeEngine() {
        db.close();
    }

    @Override
    String serverName() {
        return "the embedded engine";
    }
}
