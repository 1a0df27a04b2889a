package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.bench.ChildJvm;
import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import io.restmachine.orm.bench.model.RawOrders;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Measurement 6: peak live heap of a child JVM ({@link MemoryChild}, fixed small heap) streaming a
 * small and a large table. The engine holding the items runs in this JVM and serves them over HTTP,
 * so the child's heap holds only what streaming keeps.
 */
public final class Memory {
    /** The child's fixed heap. */
    static final List<String> CHILD_HEAP = List.of("-Xms64m", "-Xmx64m");

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Memory() {}

    /** Loads both tables, streams each in a child, and returns one row (ratio: large peak over small). */
    public static Row measure(Settings settings) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            DynamoDbClient client = db.client();
            load(client, "small", settings.memorySmall());
            load(client, "large", settings.memoryLarge());
            URI endpoint = db.startServer(0);
            Map<String, String> small = stream(endpoint, "small", settings.memorySmall());
            Map<String, String> large = stream(endpoint, "large", settings.memoryLarge());
            double smallPeak = Long.parseLong(small.get("peak")) / 1048576.0;
            double largePeak = Long.parseLong(large.get("peak")) / 1048576.0;
            return Row.atMost(
                    "6. stream() peak live heap, " + settings.memoryLarge() + " vs " + settings.memorySmall()
                            + " items",
                    Row.fmt(largePeak) + " MiB (baseline " + mib(large.get("baseline")) + ", at JVM's own full GCs "
                            + mib(large.get("collectorPeak")) + ")",
                    Row.fmt(smallPeak) + " MiB (baseline " + mib(small.get("baseline")) + ", at JVM's own full GCs "
                            + mib(small.get("collectorPeak")) + ")",
                    largePeak / smallPeak,
                    1.2);
        }
    }

    private static String mib(String bytes) {
        return Row.fmt(Long.parseLong(bytes) / 1048576.0);
    }

    private static Map<String, String> stream(URI endpoint, String table, int count) {
        return ChildJvm.run(
                CHILD_HEAP, MemoryChild.class, List.of(endpoint.toString(), table, Integer.toString(count)), TIMEOUT);
    }

    /** Creates the table and writes orders 0..count-1 into it with BatchWriteItem. */
    static void load(DynamoDbClient client, String table, int count) {
        Clients.createTable(client, table);
        for (int first = 0; first < count; first += 25) {
            List<WriteRequest> writes = new ArrayList<>(25);
            for (Map<String, AttributeValue> item : RawOrders.items(first, Math.min(25, count - first))) {
                writes.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
            }
            Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table, writes));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == 10) {
                    throw new IllegalStateException("BatchWriteItem left items unprocessed 10 times in a row");
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : Map.of();
            }
        }
    }
}
