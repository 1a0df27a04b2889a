package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.bench.model.RawOrders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Measurement 9: PutItem throughput of the persistent engine (write-ahead log, each write synced
 * before it is acknowledged) against the in-memory engine, at 1 and 8 requests in flight, through
 * the in-process SDK client, 13-attribute orders under fresh keys. The log lives under {@code
 * benchmarks/target/} (a real disk: fsync on tmpfs costs nothing). Group commit lets the writes in
 * flight share one fsync, so at 8 in flight the persistent engine should stay within 2× of memory.
 */
public final class PersistentWrites {
    private PersistentWrites() {}

    public static List<Row> measure(Settings settings) {
        Duration warmup = settings.smoke() ? Duration.ofMillis(300) : Duration.ofSeconds(3);
        Duration measured = settings.smoke() ? Duration.ofMillis(700) : Duration.ofSeconds(6);
        Load load = new Load(warmup, measured);
        double[] memory = new double[2];
        double[] persistent = new double[2];
        int[] inFlight = {1, 8};
        for (int i = 0; i < inFlight.length; i++) {
            try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
                memory[i] = puts(db.client(), load, inFlight[i]);
            }
            Path dir = Scratch.fresh("persistent-writes");
            try (EmbeddedDynamoDB db = EmbeddedDynamoDB.persistent(dir)) {
                persistent[i] = puts(db.client(), load, inFlight[i]);
            } finally {
                Scratch.delete(dir);
            }
            System.out.printf(
                    "PutItem @%d: in-memory %.0f/s, persistent %.0f/s%n", inFlight[i], memory[i], persistent[i]);
        }
        List<Row> rows = new ArrayList<>();
        rows.add(Row.info(
                "9. persistent PutItem @1 (synced log) vs in-memory, in-process SDK client",
                Row.fmt(persistent[0]) + " ops/s",
                Row.fmt(memory[0]) + " ops/s (in-memory)",
                persistent[0] / memory[0]));
        rows.add(Row.atLeast(
                "9. persistent PutItem @8 (synced log, group commit) vs in-memory, in-process SDK client",
                Row.fmt(persistent[1]) + " ops/s",
                Row.fmt(memory[1]) + " ops/s (in-memory)",
                persistent[1] / memory[1],
                0.5));
        return rows;
    }

    private static double puts(DynamoDbClient client, Load load, int threads) {
        Clients.createTable(client, RawOrders.TABLE);
        return load.run(threads, (t, n) -> {
            Map<String, AttributeValue> item = new HashMap<>(RawOrders.item(Orders.sample((int) (n % 100_000))));
            item.put("pk", AttributeValue.fromS("PUT#" + t + "#" + n));
            client.putItem(b -> b.tableName(RawOrders.TABLE).item(item));
        });
    }
}
