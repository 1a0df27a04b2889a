package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The collection suite on the embedded engine, in-process. */
class EmbeddedCollectionTest extends CollectionContract {
    private EmbeddedDynamoDB db;

    @Override
    DynamoDbClient newClient(RequestRecorder recorder) {
        db = EmbeddedDynamoDB.inMemory();
        return recorder.wrap(db.client());
    }

    @AfterEach
    void closeEngine() {
        db.close();
    }
}
