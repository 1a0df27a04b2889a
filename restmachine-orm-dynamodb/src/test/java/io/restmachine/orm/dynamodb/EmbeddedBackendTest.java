package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/** The backend suite on the embedded engine, in-process. */
class EmbeddedBackendTest extends BackendContract {
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

    @Override
    boolean expiresItems() {
        return true;
    }

    @Override
    void expireNow() {
        db.expireNow();
    }

    @Test
    void createTable_ofANewTable_describesItOnce_whenItIsActiveAtOnce() {
        try (DynamoDBBackend fresh = DynamoDBBackend.builder()
                .tableName(Peers.uniqueTableName("fresh"))
                .client(client)
                .build()) {
            fresh.register(User.class, Account.class);
            recorder.clear();

            fresh.createTable();

            assertThat(recorder.sent(DynamoDbRequest.class))
                    .extracting(r -> r.getClass().getSimpleName())
                    // CreateTable answers CREATING (as DynamoDB does); the engine's table is ACTIVE at the first
                    // DescribeTable. Account's @Ttl adds the two TTL calls.
                    .containsExactly(
                            "CreateTableRequest",
                            "DescribeTableRequest",
                            "DescribeTimeToLiveRequest",
                            "UpdateTimeToLiveRequest");
            assertThat(fresh.describeTable().status()).isEqualTo("ACTIVE");
            fresh.deleteTable();
        }
    }
}
