package io.restmachine.orm.bench.jmh;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Repository;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.bench.model.RawOrders;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measurement 2: one {@code create} and one {@code get} of a fresh order per operation, through a
 * repository and through the raw {@link DynamoDbClient} with hand-written mapping ({@link
 * RawOrders}), both on {@code EmbeddedDynamoDB.inMemory().client()}.
 *
 * <p>One engine, client and repository per fork, so that the JIT's work on the SDK client and the
 * engine carries over from warm-up into measurement (a fresh engine per iteration would also throw
 * away the client's own caches). The table is dropped and created again before every iteration, so
 * both sides measure the same thing on a table of the same size: empty at the start of each
 * iteration, growing by one order per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RepositoryBenchmark {
    private EmbeddedDynamoDB db;
    private DynamoDbClient client;
    private DynamoDBBackend backend;
    private Repository<Order> orders;
    private int next;

    /** The engine, client and repository of this fork. */
    @Setup(Level.Trial)
    public void setUp() {
        db = EmbeddedDynamoDB.inMemory();
        client = db.client();
        backend = DynamoDBBackend.builder()
                .tableName(RawOrders.TABLE)
                .client(client)
                .build();
        orders = backend.repository(Order.class);
        backend.createTable();
    }

    /** An empty table for each iteration (the previous one's orders are dropped with the table). */
    @Setup(Level.Iteration)
    public void emptyTable() {
        if (next > 0) {
            backend.deleteTable();
            backend.createTable();
        }
    }

    /** Closes the fork's engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
        db.close();
    }

    @Benchmark
    public Optional<Order> createGetRepository() {
        Order order = Orders.sample(next++);
        orders.create(order);
        return orders.get(order.id());
    }

    @Benchmark
    public Optional<Order> createGetRawClient() {
        Order order = Orders.sample(next++);
        RawOrders.create(client, order);
        return RawOrders.get(client, order.id());
    }
}
