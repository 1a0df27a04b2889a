package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Compaction folds the log into a snapshot without losing or reordering anything. */
class CompactionTest extends PersistenceTest {

    private EmbeddedDynamoDB openCompactingEarly(Path dir) {
        return open(EmbeddedDynamoDB.builder()
                .persistent(dir)
                .compactionThreshold(2048)
                .expiryInterval(Duration.ZERO));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Polls (bounded) until the directory holds a snapshot and only log segments newer than the first. */
    private static List<String> awaitCompacted(Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<String> files = files(dir);
            if (files.contains("snapshot")
                    && !files.contains("snapshot.tmp")
                    && !files.contains(String.format("wal-%020d.log", 1))) {
                return files;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no compaction within 30 s; files: " + files);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void logPastTheThreshold_isCompactedIntoASnapshot_andTheOldSegmentIsDeleted() throws Exception {
        EmbeddedDynamoDB db = openCompactingEarly(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        for (int i = 0; i < 30; i++) {
            int n = i;
            client.putItem(b -> b.tableName("things").item(item("pk", "k" + n, "text", "x".repeat(100))));
        }

        List<String> files = awaitCompacted(dataDir());

        assertThat(files).contains("lock", "snapshot").noneMatch(f -> f.equals("snapshot.tmp"));
        Path image = crashImage(dataDir());
        EmbeddedDynamoDB recovered = open(image);
        assertThat(recovered.recoveryReport().orElseThrow().snapshotLoaded()).isTrue();
        assertThat(RestartRoundTripTest.pks(recovered.client(), "things")).hasSize(30);
    }

    @Test
    void concurrentWriters_duringRepeatedCompactions_loseNothing() throws Exception {
        EmbeddedDynamoDB db = openCompactingEarly(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        client.putItem(b -> b.tableName("things").item(item("pk", "counter", "count", 0)));
        int threads = 4;
        int writes = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < writes; i++) {
                        int n = i;
                        client.putItem(b -> b.tableName("things").item(item("pk", thread + "-" + n, "v", n)));
                        client.updateItem(b -> b.tableName("things")
                                .key(key("counter"))
                                .updateExpression("ADD #c :one")
                                .expressionAttributeNames(Map.of("#c", "count"))
                                .expressionAttributeValues(Map.of(":one", n("1"))));
                        if (n % 3 == 0) {
                            client.deleteItem(b -> b.tableName("things").key(key(thread + "-" + n)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        awaitCompacted(dataDir());

        DynamoDbClient recovered = open(crashImage(dataDir())).client();

        assertThat(get(recovered, "things", key("counter")).get("count").n())
                .isEqualTo(String.valueOf(threads * writes));
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < writes; i++) {
                if (i % 3 != 0) {
                    expected.add(t + "-" + i);
                }
            }
        }
        expected.add("counter");
        assertThat(RestartRoundTripTest.pks(recovered, "things")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void snapshotThenLog_areBothReplayed_inOrder() throws Exception {
        EmbeddedDynamoDB first = open(dataDir());
        createTable(first.client(), "things", null);
        first.client().putItem(b -> b.tableName("things").item(item("pk", "a", "v", 1)));
        first.client().putItem(b -> b.tableName("things").item(item("pk", "b", "v", 1)));
        first.close();
        EmbeddedDynamoDB second = open(dataDir());
        DynamoDbClient client = second.client();
        client.putItem(b -> b.tableName("things").item(item("pk", "a", "v", 2)));
        client.deleteItem(b -> b.tableName("things").key(key("b")));
        client.putItem(b -> b.tableName("things").item(item("pk", "c", "v", 3)));

        EmbeddedDynamoDB recovered = open(crashImage(dataDir()));

        RecoveryReport report = recovered.recoveryReport().orElseThrow();
        assertThat(report.snapshotLoaded()).isTrue();
        assertThat(report.recordsReplayed()).isEqualTo(3);
        Map<String, AttributeValue> a = get(recovered.client(), "things", key("a"));
        assertThat(a.get("v").n()).isEqualTo("2");
        assertThat(RestartRoundTripTest.pks(recovered.client(), "things")).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void cleanClose_leavesOnlyTheSnapshotAnEmptySegmentAndTheLock() throws Exception {
        EmbeddedDynamoDB db = open(dataDir());
        createTable(db.client(), "things", null);
        db.client().putItem(b -> b.tableName("things").item(item("pk", "a")));
        db.close();

        assertThat(files(dataDir())).containsExactly("lock", "snapshot", String.format("wal-%020d.log", 2));
        assertThat(Files.size(dataDir().resolve(String.format("wal-%020d.log", 2))))
                .isEqualTo(FileFormat.LOG_START);
    }

    @Test
    void cleanClose_withNothingNewSinceTheLastSnapshot_keepsTheSnapshotAsItIs() throws Exception {
        EmbeddedDynamoDB db = open(dataDir());
        createTable(db.client(), "things", null);
        db.close();
        List<String> before = files(dataDir());

        open(dataDir()).close();

        assertThat(files(dataDir())).isEqualTo(before);
    }
}
