package io.restmachine.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.peer.SuiteRun;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @DynamoDBTest} works against a server whose tables stay CREATING (and UPDATING, DELETING)
 * for a while, as DynamoDB's do: {@code createTable()} waits for ACTIVE before the test runs.
 */
class TableDelayTest {

    @Test
    void testsRunAgainstAServerWhoseTablesTakeTimeToBecomeActive() {
        try (EmbeddedDynamoDB slow = EmbeddedDynamoDB.builder()
                .createTableDelay(Duration.ofMillis(300))
                .updateTableDelay(Duration.ofMillis(300))
                .deleteTableDelay(Duration.ofMillis(300))
                .build()) {
            URI endpoint = slow.startServer(0);
            EndpointTest.TABLES_SEEN.clear();

            SuiteRun run = SuiteRun.of(
                    Map.of(DynamoDBTestSettings.ENDPOINT_PROPERTY, endpoint.toString()),
                    EndpointTest.OnAnyServer.class);

            assertThat(run.failures()).isEmpty();
            assertThat(run.summary().getTestsSucceededCount()).isEqualTo(2);
            assertThat(EndpointTest.TABLES_SEEN).hasSize(2);
        }
    }
}
