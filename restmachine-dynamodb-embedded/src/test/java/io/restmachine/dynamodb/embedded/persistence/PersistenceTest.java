package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Base of the persistence tests: engines on a temporary directory, reached through the real AWS
 * SDK client, and the two ways of restarting one.
 */
abstract class PersistenceTest {
    @TempDir
    Path temp;

    private final List<EmbeddedDynamoDB> open = new ArrayList<>();
    private int images;

    /** How a test stops an engine before opening its data again. */
    enum Restart {
        /** {@code close()}: the log is compacted into a snapshot, which the next open loads. */
        CLEAN_CLOSE,
        /**
         * A copy of the directory taken while the engine runs, as a crash would leave it (every
         * acknowledged write is synced): the next open replays the log.
         */
        CRASH
    }

    Path dataDir() {
        return temp.resolve("data");
    }

    EmbeddedDynamoDB open(Path dir) {
        return open(EmbeddedDynamoDB.builder().persistent(dir).expiryInterval(Duration.ZERO));
    }

    EmbeddedDynamoDB open(EmbeddedDynamoDB.Builder builder) {
        EmbeddedDynamoDB db = builder.build();
        open.add(db);
        return db;
    }

    /** Stops {@code db} (in {@code dir}) the way {@code restart} says; returns the directory to reopen. */
    Path stop(EmbeddedDynamoDB db, Path dir, Restart restart) {
        if (restart == Restart.CLEAN_CLOSE) {
            db.close();
            return dir;
        }
        Path image = crashImage(dir);
        db.close();
        return image;
    }

    /**
     * Copies the files of {@code dir} (not its lock) as they are now. A compaction running in the
     * background may delete a segment between listing and copying it; the copy is then not one
     * state of the directory, so it is taken again (a bounded number of times).
     */
    Path crashImage(Path dir) {
        NoSuchFileException vanished = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            Path image = temp.resolve("image-" + (++images));
            try {
                copyFiles(dir, image);
                return image;
            } catch (NoSuchFileException e) {
                vanished = e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new UncheckedIOException("files kept vanishing while copying " + dir, vanished);
    }

    private static void copyFiles(Path dir, Path image) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Files.createDirectories(image);
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("lock")) {
                    Files.copy(file, image.resolve(file.getFileName()));
                }
            }
        }
    }

    @AfterEach
    void closeEngines() {
        for (EmbeddedDynamoDB db : open) {
            db.close();
        }
        open.clear();
    }

    /** The only log segment of {@code dir} (tests that damage the log write too little to compact). */
    static Path onlySegment(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments = files.filter(f -> f.getFileName().toString().matches("wal-\\d{20}\\.log"))
                    .toList();
            if (segments.size() != 1) {
                throw new IllegalStateException("expected one log segment in " + dir + ", found " + segments);
            }
            return segments.get(0);
        }
    }

    /** A PAY_PER_REQUEST table with string pk and, if {@code sortKeyType} is given, sk of that type. */
    static void createTable(DynamoDbClient client, String name, String sortKeyType) {
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sortKeyType == null) {
                b.attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH));
            } else {
                b.attributeDefinitions(
                                a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("sk").attributeType(sortKeyType))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                                .keyType(KeyType.RANGE));
            }
        });
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** An item from alternating names and values (strings become S, numbers N). */
    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            item.put(
                    (String) pairs[i],
                    value instanceof AttributeValue v
                            ? v
                            : value instanceof Number ? n(value.toString()) : s(value.toString()));
        }
        return item;
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    static Map<String, AttributeValue> get(DynamoDbClient client, String table, Map<String, AttributeValue> key) {
        return client.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                .item();
    }
}
