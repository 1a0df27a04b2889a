package io.restmachine.orm.dynamodb.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.BatchResult;
import io.restmachine.orm.Key;
import io.restmachine.orm.Page;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.fixture.Task;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Queries, scans and batch deletes under the engine's injected throttling, unprocessed items and
 * latency, over HTTP with an SDK client allowed ten attempts: every item is accounted for exactly
 * once. (Batch writes and gets under faults: {@code BatchFaultsTest} and {@code BatchRetryTest}.)
 */
class QueryFaultsTest {
    private static final int ITEMS = 400;
    private EmbeddedDynamoDB db;
    private DynamoDBBackend backend;
    private Repository<Task> tasks;

    @BeforeEach
    void start() {
        db = EmbeddedDynamoDB.inMemory();
        URI endpoint = db.startServer(0);
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("f", "f")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(10)))
                .build();
        backend = DynamoDBBackend.builder()
                .tableName("query-faults")
                .client(client)
                .batchBaseBackoff(Duration.ofMillis(1))
                .batchMaxBackoff(Duration.ofMillis(20))
                .batchMaxAttempts(30)
                .build();
        backend.register(Task.class).createTable();
        tasks = backend.repository(Task.class);
        List<Task> items = IntStream.range(0, ITEMS)
                .mapToObj(i -> new Task(i % 2 == 0 ? "even" : "odd", String.format("t%04d", i), "open", i))
                .toList();
        assertThat(tasks.batchCreate(items).failed()).isEmpty();
        db.faults().seed(11).throttle(0.25).unprocessed(0.3).latency(Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        db.faults().reset();
        backend.close();
        db.close();
    }

    @Test
    void paginatingAPartition_underFaults_returnsEveryItemOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Task> page =
                    tasks.where().eq("userId", "even").limit(17).cursor(cursor).paginate();
            page.items().forEach(t -> seen.add(t.taskId()));
            cursor = page.cursor();
            pages++;
        } while (cursor != null && pages < 1_000);

        List<String> expected = IntStream.range(0, ITEMS)
                .filter(i -> i % 2 == 0)
                .mapToObj(i -> String.format("t%04d", i))
                .toList();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void scanningEverything_underFaults_countsAndStreamsEveryItemOnce() {
        assertThat(tasks.where().count()).isEqualTo(ITEMS);
        assertThat(tasks.where().stream().map(Task::taskId).distinct().count()).isEqualTo(ITEMS);
    }

    @Test
    void batchDelete_underFaults_deletesEveryKey() {
        List<Key> keys = IntStream.range(0, ITEMS)
                .mapToObj(i -> Key.of("userId", i % 2 == 0 ? "even" : "odd").and("taskId", String.format("t%04d", i)))
                .toList();

        BatchResult<Key> result = tasks.batchDelete(keys);

        assertThat(result.failed()).isEmpty();
        assertThat(result.written()).hasSize(ITEMS);
        db.faults().reset();
        assertThat(tasks.where().count()).isZero();
    }
}
