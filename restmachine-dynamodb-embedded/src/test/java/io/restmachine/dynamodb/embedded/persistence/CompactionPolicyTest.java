package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Compaction waits for the log to pass its threshold and to outgrow the live data: a long history
 * of a few items is compacted away (recovery replays little), and a growing table is not
 * rewritten at every threshold.
 */
class CompactionPolicyTest extends PersistenceTest {
    private static final String PAYLOAD = "p".repeat(200);

    private EmbeddedDynamoDB open(Path dir, long threshold, double ratio) {
        return open(EmbeddedDynamoDB.builder()
                .persistent(dir)
                .expiryInterval(Duration.ZERO)
                .compactionThreshold(threshold)
                .compactionRatio(ratio));
    }

    /** Writes {@code writes} puts in batches of 25, item i having key "k" + (i % distinct). */
    private static void write(DynamoDbClient client, int writes, int distinct) {
        for (int first = 0; first < writes; first += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = first; i < Math.min(first + 25, writes); i++) {
                int n = i;
                batch.add(WriteRequest.builder()
                        .putRequest(p -> p.item(item("pk", "k" + (n % distinct), "v", PAYLOAD + n)))
                        .build());
            }
            client.batchWriteItem(b -> b.requestItems(java.util.Map.of("things", batch)));
        }
    }

    @Test
    void aLongHistoryOfFewItems_isCompactedAway_soRecoveryReplaysLittle() {
        EmbeddedDynamoDB db = open(dataDir(), 16 * 1024, 1.0);
        createTable(db.client(), "things", null);
        // 100 live items of about 220 bytes; 3,000 writes (80 records of 25, about 700 KB of history).
        write(db.client(), 3_000, 100);

        EmbeddedDynamoDB recovered = open(crashImage(dataDir()));

        RecoveryReport report = recovered.recoveryReport().orElseThrow();
        assertThat(report.snapshotLoaded()).isTrue();
        assertThat(report.items()).isEqualTo(100);
        assertThat(report.recordsReplayed())
                .as("the log replayed is bounded by max(threshold, live data), not by the 120 records written")
                .isLessThan(30);
    }

    @Test
    void aGrowingTable_isNotRewrittenAtEveryThreshold() throws IOException {
        Path withRatio = temp.resolve("ratio");
        Path withoutRatio = temp.resolve("no-ratio");
        EmbeddedDynamoDB proportional = open(withRatio, 8 * 1024, 1.0);
        EmbeddedDynamoDB everyThreshold = open(withoutRatio, 8 * 1024, 0);
        for (EmbeddedDynamoDB db : List.of(proportional, everyThreshold)) {
            createTable(db.client(), "things", null);
            write(db.client(), 2_000, 2_000);
            db.close();
        }

        long generationsWithRatio = lastGeneration(withRatio);
        long generationsWithout = lastGeneration(withoutRatio);
        assertThat(generationsWithRatio)
                .as("compactions while 2,000 items (about 450 KB) are written: each waits for the log to pass the data")
                .isLessThan(12);
        assertThat(generationsWithout)
                .as("at the 8 KiB threshold alone (%d with the ratio)", generationsWithRatio)
                .isGreaterThan(2 * generationsWithRatio);
    }

    private static long lastGeneration(Path dir) throws IOException {
        return new StoreDirectory(dir, Disk.LOCAL)
                .segments().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
