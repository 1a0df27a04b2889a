package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Custom types through the backend on the embedded engine, in-process. */
class EmbeddedConverterTest extends ConverterContract {
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
}
