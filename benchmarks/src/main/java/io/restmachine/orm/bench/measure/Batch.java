package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.BatchResult;
import io.restmachine.orm.Repository;
import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.bench.model.RawOrders;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Measurement 5: N orders written by one {@code batchCreate} against N sequential {@code create}s,
 * each on a fresh in-process engine that adds 2 ms to every request, as a network would.
 */
public final class Batch {
    /** The latency the engine adds to each request. */
    public static final Duration LATENCY = Duration.ofMillis(2);

    private Batch() {}

    /** Times both sides and returns one row (ratio: sequential time over batch time). */
    public static Row measure(Settings settings) {
        int n = settings.batchItems();
        List<Order> items = IntStream.range(0, n).mapToObj(Orders::sample).toList();
        long batchNanos = timeBatch(items);
        long sequentialNanos = timeSequential(items);
        return Row.atLeast(
                "5. " + n + " items: batchCreate vs sequential create (2 ms/request)",
                Row.fmt(batchNanos / 1e9) + " s",
                Row.fmt(sequentialNanos / 1e9) + " s (sequential)",
                (double) sequentialNanos / batchNanos,
                10.0);
    }

    /** Nanoseconds to write the items with one {@code batchCreate}; checks all were written. */
    static long timeBatch(List<Order> items) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            Repository<Order> orders = repository(db);
            db.faults().latency(LATENCY);
            long start = System.nanoTime();
            BatchResult<Order> result = orders.batchCreate(items);
            long elapsed = System.nanoTime() - start;
            db.faults().reset();
            if (result.written().size() != items.size() || !result.failed().isEmpty()) {
                throw new IllegalStateException(
                        "batchCreate wrote " + result.written().size() + " of " + items.size() + " items; failed: "
                                + result.failed().size());
            }
            requireCount(orders, items.size());
            return elapsed;
        }
    }

    /** Nanoseconds to write the items with one {@code create} each; checks all were written. */
    static long timeSequential(List<Order> items) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            Repository<Order> orders = repository(db);
            db.faults().latency(LATENCY);
            long start = System.nanoTime();
            for (Order order : items) {
                orders.create(order);
            }
            long elapsed = System.nanoTime() - start;
            db.faults().reset();
            requireCount(orders, items.size());
            return elapsed;
        }
    }

    private static Repository<Order> repository(EmbeddedDynamoDB db) {
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName(RawOrders.TABLE)
                .client(db.client())
                .build();
        Repository<Order> orders = backend.repository(Order.class);
        backend.createTable();
        return orders;
    }

    private static void requireCount(Repository<Order> orders, int expected) {
        long stored = orders.where().count();
        if (stored != expected) {
            throw new IllegalStateException("the table holds " + stored + " orders, expected " + expected);
        }
    }
}
