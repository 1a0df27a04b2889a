package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class FaultsTest extends EngineTest {

    @Test
    void throttle_all_makesItemRequestsFailWithProvisionedThroughputExceeded() {
        open(Transport.HTTP);
        createTable("items", null);
        db.faults().throttle(1.0);
        try (DynamoDbClient noRetries = DynamoDbClient.builder()
                .endpointOverride(db.startServer(0))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(r -> r.maxAttempts(1)))
                .build()) {
            assertThatThrownBy(() -> noRetries.putItem(b -> b.tableName("items").item(item("pk", "a"))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class)
                    .hasMessageStartingWith(
                            "The level of configured provisioned throughput for the table was" + " exceeded.");
        }
        db.faults().reset();
        assertThat(client.scan(b -> b.tableName("items")).count()).isZero();
    }

    @Test
    void throttle_someRequests_isAbsorbedByTheSdkRetries() {
        open(Transport.IN_PROCESS);
        createTable("items", null);
        db.faults().seed(1).throttle(0.2);
        for (int i = 0; i < 30; i++) {
            int n = i;
            client.putItem(b -> b.tableName("items").item(item("pk", "k" + n)));
        }
        db.faults().reset();
        assertThat(client.scan(b -> b.tableName("items")).count()).isEqualTo(30);
    }

    @Test
    void fractions_outsideZeroToOne_areRejected() {
        open(Transport.IN_PROCESS);
        assertThatThrownBy(() -> db.faults().throttle(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> db.faults().latency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
