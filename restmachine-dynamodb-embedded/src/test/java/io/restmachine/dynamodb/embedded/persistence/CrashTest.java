package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A child JVM writing to a persistent engine is killed with SIGKILL while it writes; after a
 * restart every write it acknowledged is there.
 */
class CrashTest extends PersistenceTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    /** What the killed child had acknowledged, and its directory. */
    private record Killed(Path dir, Set<String> acknowledged) {}

    private Killed runAndKill(String name) throws Exception {
        Path dir = temp.resolve(name);
        Path stderr = temp.resolve(name + "-stderr.txt");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        dir.toString(),
                        // Small enough that the child compacts while it writes, so a kill can land mid-compaction.
                        "8192")
                .redirectError(stderr.toFile())
                .start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            // The read blocks until the child prints; a child that dies early ends the stream instead.
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            assertThat(acknowledged)
                    .as("the child acknowledged writes before it stopped; its stderr: %s", Files.readString(stderr))
                    .hasSize(ACKNOWLEDGED_BEFORE_KILL);
            // SIGKILL through the process handle: Process.destroyForcibly() sends the same signal but
            // also closes our end of the pipe, which would drop acknowledgements still in it.
            assertThat(child.toHandle().destroyForcibly()).isTrue();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // Lines printed before the kill are acknowledgements too.
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
                assertThat(line).as("the child was killed before it finished").isNotEqualTo("DONE");
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return new Killed(dir, acknowledged);
    }

    private static Set<String> storedKeys(EmbeddedDynamoDB db) {
        DynamoDbClient client = db.client();
        Set<String> keys = new HashSet<>();
        for (ScanResponse page : client.scanPaginator(b -> b.tableName("crash").consistentRead(true))) {
            page.items().forEach(item -> keys.add(item.get("pk").s()));
        }
        return keys;
    }

    @Test
    void killedWhileWriting_restartsWithEveryAcknowledgedWrite() throws Exception {
        Killed killed = runAndKill("killed");

        EmbeddedDynamoDB db = open(killed.dir());

        Set<String> stored = storedKeys(db);
        assertThat(stored).containsAll(killed.acknowledged());
        // A transaction is all or nothing: each stored half has its other half.
        for (String key : stored) {
            String partner = key.endsWith("-tx") ? key.substring(0, key.length() - 3) : key + "-tx";
            if (key.endsWith("-tx") || stored.contains(partner)) {
                assertThat(stored)
                        .as("the other half of the transaction of %s", key)
                        .contains(partner);
            }
        }
    }

    @Test
    void killedWhileWriting_withATornRecordAtTheEnd_reportsTheTailAndKeepsEveryAcknowledgedWrite() throws Exception {
        Killed killed = runAndKill("torn");
        Path segment = lastSegment(killed.dir());
        long sound = Files.size(segment);
        // What a power loss adds to a kill: the record being written reached the disk only in part.
        Files.write(segment, ByteBuffer.allocate(40).putInt(512).putInt(0).array(), StandardOpenOption.APPEND);

        EmbeddedDynamoDB db = open(killed.dir());

        TornTail tail = db.recoveryReport().orElseThrow().tornTail().orElseThrow();
        assertThat(tail.file()).isEqualTo(segment.toAbsolutePath());
        assertThat(tail.offset()).isGreaterThanOrEqualTo(sound);
        assertThat(tail.problem()).startsWith("partial record");
        assertThat(storedKeys(db)).containsAll(killed.acknowledged());
    }

    private static Path lastSegment(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments =
                    new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("wal-\\d{20}\\.log"))
                            .sorted()
                            .toList());
            return segments.get(segments.size() - 1);
        }
    }
}
