package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.BatchResult;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.fixture.Task;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Batches under the embedded engine's injected faults: nothing silently lost. */
class BatchFaultsTest {
    private EmbeddedDynamoDB db;

    @BeforeEach
    void startEngine() {
        db = EmbeddedDynamoDB.inMemory();
    }

    @AfterEach
    void stopEngine() {
        db.close();
    }

    private DynamoDBBackend backend(int attempts) {
        return backend(attempts, db.client());
    }

    private DynamoDBBackend backend(int attempts, DynamoDbClient client) {
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName("faults")
                .client(client)
                .batchMaxAttempts(attempts)
                .batchBaseBackoff(Duration.ofMillis(1))
                .batchMaxBackoff(Duration.ofMillis(50))
                .build();
        backend.register(Task.class).createTable();
        return backend;
    }

    private static List<Task> tasks(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Task("u" + (i % 50), "t" + i, "open", i))
                .toList();
    }

    private Set<Object> storedTaskIds(Repository<Task> repository) {
        return repository.where().stream().map(Task::taskId).collect(Collectors.toSet());
    }

    @Test
    void batchDelete_of10000Items_with30PercentUnprocessedAnd10PercentThrottled_deletesEveryItem() {
        try (DynamoDBBackend backend = backend(20)) {
            Repository<Task> repository = backend.repository(Task.class);
            List<Task> items = tasks(10_000);
            assertThat(repository.batchCreate(items).allWritten()).isTrue();
            db.faults().seed(7).unprocessed(0.3).throttle(0.1);

            BatchResult<Key> result = repository.batchDelete(keys(items));

            db.faults().reset();
            assertThat(result.failed()).isEmpty();
            assertThat(result.written()).hasSize(10_000);
            assertThat(repository.where().count()).isZero();
        }
    }

    @Test
    void batchCreate_of1000Items_with10PercentThrottled_writesEveryItem() {
        try (DynamoDBBackend backend = backend(20)) {
            Repository<Task> repository = backend.repository(Task.class);
            List<Task> items = tasks(1_000);
            db.faults().seed(7).throttle(0.1);

            BatchResult<Task> result = repository.batchCreate(items);

            db.faults().reset();
            assertThat(result.failed()).isEmpty();
            assertThat(result.duplicates()).isEmpty();
            assertThat(result.written()).hasSize(1_000);
            assertThat(repository.where().count()).isEqualTo(1_000);
        }
    }

    @Test
    void batchCreate_whenEveryRequestStaysThrottled_failsEveryItem_andWritesNothing() {
        // A client that does not retry by itself, so the batch's own retries are what is measured.
        URI endpoint = db.startServer(0);
        try (DynamoDbClient noRetries = DynamoDbClient.builder()
                        .endpointOverride(endpoint)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
                DynamoDBBackend backend = backend(2, noRetries)) {
            Repository<Task> repository = backend.repository(Task.class);
            List<Task> items = tasks(40);
            db.faults().throttle(1.0);

            BatchResult<Task> result = repository.batchCreate(items);

            db.faults().reset();
            assertThat(result.written()).isEmpty();
            assertThat(result.duplicates()).isEmpty();
            assertThat(result.failed())
                    .extracting(BatchResult.Failure::input)
                    .containsExactlyInAnyOrderElementsOf(items);
            assertThat(result.failed()).allSatisfy(f -> assertThat(f.reason()).contains("after 2 attempts"));
            assertThat(repository.where().count()).isZero();
        }
    }

    @Test
    void batchDelete_whenEveryItemStaysUnprocessed_failsEveryKey_andDeletesNothing() {
        try (DynamoDBBackend backend = backend(2)) {
            Repository<Task> repository = backend.repository(Task.class);
            List<Task> items = tasks(300);
            assertThat(repository.batchCreate(items).allWritten()).isTrue();
            db.faults().unprocessed(1.0);

            BatchResult<Key> result = repository.batchDelete(keys(items));

            db.faults().reset();
            assertThat(result.written()).isEmpty();
            assertThat(result.failed())
                    .extracting(BatchResult.Failure::input)
                    .containsExactlyInAnyOrderElementsOf(keys(items));
            assertThat(result.failed()).allSatisfy(f -> assertThat(f.reason()).contains("after 2 attempts"));
            assertThat(repository.where().count()).isEqualTo(300);
        }
    }

    @Test
    void batchDelete_withAPermanentPartialFailure_namesExactlyTheKeysNotDeleted() {
        try (DynamoDBBackend backend = backend(1)) {
            Repository<Task> repository = backend.repository(Task.class);
            List<Task> items = tasks(1_000);
            assertThat(repository.batchCreate(items).allWritten()).isTrue();
            db.faults().seed(11).unprocessed(0.5);

            BatchResult<Key> result = repository.batchDelete(keys(items));

            db.faults().reset();
            Set<Object> failed = result.failed().stream()
                    .map(f -> f.input().fields().get("taskId"))
                    .collect(Collectors.toSet());
            Set<Object> deleted =
                    result.written().stream().map(k -> k.fields().get("taskId")).collect(Collectors.toSet());
            assertThat(failed).isNotEmpty();
            assertThat(deleted).isNotEmpty();
            assertThat(storedTaskIds(repository)).isEqualTo(failed);
            Set<Object> all = new HashSet<>(failed);
            all.addAll(deleted);
            assertThat(all).hasSize(1_000);
        }
    }

    private static List<Key> keys(List<Task> items) {
        return items.stream()
                .map(t -> Key.of("userId", t.userId()).and("taskId", t.taskId()))
                .toList();
    }

    @Test
    void batchGet_underUnprocessedKeysAndThrottling_returnsEveryItemInTheOrderAsked() {
        try (DynamoDBBackend backend = backend(20)) {
            Repository<Task> repository = backend.repository(Task.class);
            List<Task> items = tasks(1_000);
            assertThat(repository.batchCreate(items).failed()).isEmpty();
            List<Task> reversed = new java.util.ArrayList<>(items);
            java.util.Collections.reverse(reversed);
            List<Key> keys = reversed.stream()
                    .map(t -> Key.of("userId", t.userId()).and("taskId", t.taskId()))
                    .toList();
            db.faults().seed(3).unprocessed(0.3).throttle(0.1);

            List<Task> got = repository.batchGet(keys);

            db.faults().reset();
            assertThat(got).containsExactlyElementsOf(reversed);
        }
    }
}
