package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The child process of {@link CrashTest}: writes to a persistent engine from several threads and
 * prints {@code ACK <key>} for each key once the write that stored it has returned. Every fifth
 * write is a transaction of two items. Stops by itself after a bounded number of writes; the test
 * kills it long before.
 *
 * <p>Arguments: the directory, the compaction threshold in bytes.
 */
public final class CrashWriter {
    static final int THREADS = 3;
    static final int WRITES_PER_THREAD = 20_000;

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long threshold = Long.parseLong(args[1]);
        EmbeddedDynamoDB db = EmbeddedDynamoDB.builder()
                .persistent(dir)
                .compactionThreshold(threshold)
                .compactionRatio(0)
                .expiryInterval(Duration.ZERO)
                .build();
        DynamoDbClient client = db.client();
        client.createTable(b -> b.tableName("crash")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        System.out.println("READY");
        System.out.flush();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> write(client, thread), "writer-" + t);
            writer.start();
            threads.add(writer);
        }
        for (Thread writer : threads) {
            writer.join();
        }
        db.close();
        System.out.println("DONE");
    }

    private static void write(DynamoDbClient client, int thread) {
        for (int i = 0; i < WRITES_PER_THREAD; i++) {
            String key = thread + "-" + i;
            if (i % 5 == 4) {
                client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("crash").item(item(key)))
                                .build(),
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("crash").item(item(key + "-tx")))
                                .build()));
                acknowledge(key, key + "-tx");
            } else {
                client.putItem(b -> b.tableName("crash").item(item(key)));
                acknowledge(key);
            }
        }
    }

    private static Map<String, AttributeValue> item(String key) {
        return Map.of("pk", AttributeValue.fromS(key), "payload", AttributeValue.fromS("value of " + key));
    }

    private static void acknowledge(String... keys) {
        synchronized (System.out) {
            for (String key : keys) {
                System.out.println("ACK " + key);
            }
            System.out.flush();
        }
    }
}
