package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Repository;
import io.restmachine.orm.bench.ChildJvm;
import io.restmachine.orm.bench.model.Note;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.bench.model.RawNotes;
import io.restmachine.orm.bench.model.RawOrders;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * One side of measurement 8 in a fresh JVM: create+get of a {@link Note} (5 short attributes) or an
 * {@link Order} (13 attributes), through a repository ({@code repository}) or the raw client with
 * hand-written mapping ({@code raw}), on the in-process engine. The engine, client and (for the
 * repository) the model are built first and not timed (cold start is measurement 3); then the first
 * {@value #FIRST} operations are timed, then the loop runs on for the warm-up and is measured
 * for the measured time. Each operation is a conditional put of a fresh item and a get of it; the
 * get's result is checked.
 *
 * <p>Arguments: {@code repository|raw note|order warmupSeconds measuredSeconds [first]} ({@code first}:
 * how many operations the first figure times, {@value #FIRST} unless given).
 */
public final class SmallItemsChild {
    static final int FIRST = 10_000;

    private SmallItemsChild() {}

    public static void main(String[] args) {
        boolean repository = args[0].equals("repository");
        boolean note = args[1].equals("note");
        long warmup = (long) (Double.parseDouble(args[2]) * 1e9);
        long measured = (long) (Double.parseDouble(args[3]) * 1e9);
        int first = args.length > 4 ? Integer.parseInt(args[4]) : FIRST;
        Map<String, Object> result = new LinkedHashMap<>();
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            var client = db.client();
            DynamoDBBackend backend = DynamoDBBackend.builder()
                    .tableName(RawOrders.TABLE)
                    .client(client)
                    .build();
            backend.createTable();
            IntConsumer operation;
            if (repository) {
                if (note) {
                    Repository<Note> notes = backend.repository(Note.class);
                    operation = n -> {
                        Note created = Note.sample(n);
                        notes.create(created);
                        check(notes.get(created.id()).orElseThrow().equals(created), n);
                    };
                } else {
                    Repository<Order> orders = backend.repository(Order.class);
                    operation = n -> {
                        Order created = Orders.sample(n);
                        orders.create(created);
                        check(orders.get(created.id()).orElseThrow().id().equals(created.id()), n);
                    };
                }
            } else if (note) {
                operation = n -> {
                    Note created = Note.sample(n);
                    RawNotes.create(client, created);
                    check(RawNotes.get(client, created.id()).orElseThrow().equals(created), n);
                };
            } else {
                operation = n -> {
                    Order created = Orders.sample(n);
                    RawOrders.create(client, created);
                    check(RawOrders.get(client, created.id()).orElseThrow().id().equals(created.id()), n);
                };
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int n = 0;
            long cpu = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            while (n < first) {
                operation.accept(n++);
            }
            result.put("firstWallNanos", System.nanoTime() - started);
            result.put("firstCpuNanos", threads.getCurrentThreadCpuTime() - cpu);
            long end = System.nanoTime() + warmup;
            while (System.nanoTime() < end) {
                operation.accept(n++);
            }
            int from = n;
            cpu = threads.getCurrentThreadCpuTime();
            started = System.nanoTime();
            end = started + measured;
            while (System.nanoTime() < end) {
                operation.accept(n++);
            }
            result.put("warmWallNanos", System.nanoTime() - started);
            result.put("warmCpuNanos", threads.getCurrentThreadCpuTime() - cpu);
            result.put("warmOps", n - from);
            backend.close();
        }
        ChildJvm.report(result);
    }

    private static void check(boolean sameBack, int n) {
        if (!sameBack) {
            throw new IllegalStateException("operation " + n + " read back a different item");
        }
    }
}
