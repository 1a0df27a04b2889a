package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.persistence.RecoveryReport;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The persistent engine's own figures (docs/persistence.md), on a directory under {@code
 * target/} (a real disk: fsync on tmpfs costs nothing):
 *
 * <pre>
 * benchmarks/durability putitem [seconds]   # PutItem with 8 in flight, in-process client, synced log
 * benchmarks/durability recovery            # open time after 1,000,000 updates to 1,000 items and after 1,000,000 items
 * </pre>
 */
public final class Durability {
    private static final int IN_FLIGHT = 8;
    private static final String PAYLOAD = "x".repeat(100);

    private Durability() {}

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "putitem";
        Path root = Path.of("benchmarks", "target", "durability");
        Files.createDirectories(root);
        switch (what) {
            case "putitem" -> putItem(root, args.length > 1 ? Integer.parseInt(args[1]) : 10);
            case "recovery" -> {
                recovery(root, "1,000,000 updates to 1,000 items", 1_000_000, 1_000);
                recovery(root, "1,000,000 distinct items", 1_000_000, 1_000_000);
            }
            default -> throw new IllegalArgumentException("use putitem [seconds] or recovery");
        }
    }

    private static void putItem(Path root, int seconds) throws Exception {
        Path dir = fresh(root, "putitem");
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.persistent(dir)) {
            DynamoDbClient client = db.client();
            createTable(client);
            run(client, Duration.ofSeconds(3)); // warm-up
            long puts = run(client, Duration.ofSeconds(seconds));
            System.out.printf(
                    "PutItem, %d in flight, persistent (synced), in-process client: %.0f puts/s over %d s%n",
                    IN_FLIGHT, puts / (double) seconds, seconds);
        } finally {
            Scratch.delete(dir);
        }
    }

    /** Puts from {@link #IN_FLIGHT} threads for {@code duration}; returns how many were acknowledged. */
    private static long run(DynamoDbClient client, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < IN_FLIGHT; t++) {
                int thread = t;
                futures.add(threads.submit(() -> {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        String key = "k" + thread + "-" + i;
                        client.putItem(b -> b.tableName("bench")
                                .item(Map.of("pk", AttributeValue.fromS(key), "v", AttributeValue.fromS(PAYLOAD))));
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        return done.get();
    }

    private static void recovery(Path root, String label, int writes, int distinct) throws Exception {
        Path dir = fresh(root, "recovery");
        Path image = root.resolve("recovery-image");
        Scratch.delete(image);
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.persistent(dir)) {
            DynamoDbClient client = db.client();
            createTable(client);
            long started = System.nanoTime();
            AtomicLong next = new AtomicLong();
            // Many writers share each fsync, so that a million writes take minutes, not hours.
            int writers = 64;
            ExecutorService threads = Executors.newFixedThreadPool(writers);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                futures.add(threads.submit(() -> {
                    long first;
                    while ((first = next.getAndAdd(25)) < writes) {
                        List<WriteRequest> batch = new ArrayList<>();
                        for (long i = first; i < Math.min(first + 25, writes); i++) {
                            String key = "k" + (i % distinct);
                            String value = PAYLOAD + i;
                            batch.add(WriteRequest.builder()
                                    .putRequest(p -> p.item(
                                            Map.of("pk", AttributeValue.fromS(key), "v", AttributeValue.fromS(value))))
                                    .build());
                        }
                        client.batchWriteItem(b -> b.requestItems(Map.of("bench", batch)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            threads.shutdown();
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            // The directory as a crash now would leave it: the snapshot (if any) and the log since.
            copy(dir, image);
            System.out.printf("%s: written in %.1f s; on disk: %s%n", label, writeSeconds, sizes(image));
        } finally {
            Scratch.delete(dir);
        }
        long opened = System.nanoTime();
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.persistent(image)) {
            double seconds = (System.nanoTime() - opened) / 1e9;
            RecoveryReport report = db.recoveryReport().orElseThrow();
            System.out.printf(
                    "%s: recovery %.2f s (snapshot loaded: %s, %d log records replayed, %d items)%n",
                    label, seconds, report.snapshotLoaded(), report.recordsReplayed(), report.items());
        } finally {
            Scratch.delete(image);
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName("bench")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    private static Path fresh(Path root, String name) {
        Path dir = root.resolve(name);
        Scratch.delete(dir);
        return dir;
    }

    private static String sizes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            StringBuilder out = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                out.append(file.getFileName())
                        .append(' ')
                        .append(Files.size(file) / (1024 * 1024))
                        .append(" MiB; ");
            }
            return out.toString();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("lock")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
