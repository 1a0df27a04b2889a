package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The write semantics on the embedded engine, in-process. */
class EmbeddedWriteSemanticsTest extends WriteSemanticsContract {
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

    @Override
    String serverName() {
        return "the embedded engine";
    }
}
