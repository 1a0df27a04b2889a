package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.bench.ChildJvm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One side of measurement 11 in a JVM of its own: an engine ({@code memory} or {@code persistent})
 * with a table of {@code items} 1 KB items (partitions of 100), loaded with BatchWriteItem; then,
 * on one thread through the in-process SDK client, GetItem, PutItem (overwriting a random item, so
 * the table keeps its size) and a Query of one random 100-item partition, each for {@code seconds}
 * after as long a warm-up. Reports wall and thread-CPU nanoseconds per operation, the live heap
 * after loading (the items never read) and after reading every item once (so that each keeps its
 * rendered JSON), and, for the persistent engine, the time to open it again: the persistent engine
 * is closed after loading (which waits for the compactions loading started) and reopened, and the
 * operations run on the reopened one.
 *
 * <p>Arguments: {@code memory|persistent items seconds}.
 */
public final class ScaleChild {
    static final int PARTITION = 100;
    private static final String TABLE = "scale";
    private static final int WARM_ITEMS = 10_000;
    private static final String PAYLOAD = "x".repeat(1_000);

    private ScaleChild() {}

    public static void main(String[] args) throws Exception {
        boolean persistent = args[0].equals("persistent");
        int items = Integer.parseInt(args[1]);
        long nanos = (long) (Double.parseDouble(args[2]) * 1e9);
        Map<String, Object> result = new LinkedHashMap<>();
        Path dir = Scratch.fresh("scale-" + items);
        long baseline = liveHeap();
        EmbeddedDynamoDB db = persistent ? EmbeddedDynamoDB.persistent(dir) : EmbeddedDynamoDB.inMemory();
        try {
            DynamoDbClient client = db.client();
            warmUp(client, Math.min(WARM_ITEMS, items), nanos, persistent ? 32 : 2);
            Clients.createTable(client, TABLE);
            long started = System.nanoTime();
            load(client, TABLE, items, persistent ? 32 : 2);
            result.put("loadSeconds", (System.nanoTime() - started) / 1e9);
            if (persistent) {
                // Loading leaves log compactions of the whole table behind (every time the log
                // outgrows the data); measured under one, PutItem would time the compaction's
                // fsyncs. Closing waits for it and compacts once more; reopening is the recovery
                // a restart of this directory costs, and the operations run on what it recovered.
                db.close();
                long opened = System.nanoTime();
                db = EmbeddedDynamoDB.persistent(dir);
                result.put("recoverySeconds", (System.nanoTime() - opened) / 1e9);
                result.put("recoveredItems", db.recoveryReport().orElseThrow().items());
                client = db.client();
            }
            result.put("heapLoaded", liveHeap() - baseline);
            SplittableRandom random = new SplittableRandom(42);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (String operation : List.of("get", "put", "query")) {
                run(client, TABLE, operation, items, random, nanos, null);
                long[] figures = new long[3];
                run(client, TABLE, operation, items, random, nanos, figures);
                result.put(operation + "Wall", figures[0] / (double) figures[2]);
                result.put(operation + "Cpu", figures[1] / (double) figures[2]);
            }
            for (int p = 0; p < items / PARTITION; p++) {
                query(client, TABLE, p);
            }
            result.put("heapRead", liveHeap() - baseline);
            if (threads.isCurrentThreadCpuTimeSupported()) {
                result.put("cpuSupported", true);
            }
        } finally {
            db.close();
        }
        Scratch.delete(dir);
        ChildJvm.report(result);
    }

    /**
     * The same warm-up in every child, whatever its table's size: a table of {@value #WARM_ITEMS}
     * items (fewer in the smoke test), loaded as the measured one is and read and written for {@code nanos} per operation,
     * then deleted. Without it the small table's JVM would be measured while its code is still
     * being compiled and the large one's after minutes of loading, which flatters the growth.
     */
    private static void warmUp(DynamoDbClient client, int items, long nanos, int writers) throws Exception {
        String table = TABLE + "-warm-up";
        Clients.createTable(client, table);
        load(client, table, items, writers);
        SplittableRandom random = new SplittableRandom(7);
        for (String operation : List.of("get", "put", "query")) {
            run(client, table, operation, items, random, nanos, null);
        }
        client.deleteTable(b -> b.tableName(table));
    }

    /** Runs {@code operation} for {@code nanos}; fills wall ns, CPU ns and count when {@code figures} is given. */
    private static void run(
            DynamoDbClient client,
            String table,
            String operation,
            int items,
            SplittableRandom random,
            long nanos,
            long[] figures) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        long end = started + nanos;
        long count = 0;
        while (System.nanoTime() < end) {
            int n = random.nextInt(items);
            switch (operation) {
                case "get" -> {
                    if (!client.getItem(b -> b.tableName(table).key(key(n))).hasItem()) {
                        throw new IllegalStateException("item " + n + " is missing");
                    }
                }
                case "put" -> client.putItem(b -> b.tableName(table).item(item(n)));
                default -> query(client, table, n / PARTITION);
            }
            count++;
        }
        if (figures != null) {
            figures[0] = System.nanoTime() - started;
            figures[1] = threads.getCurrentThreadCpuTime() - cpu;
            figures[2] = count;
        }
    }

    private static void query(DynamoDbClient client, String table, int partition) {
        QueryResponse page = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("P#" + partition))));
        if (page.count() != PARTITION) {
            throw new IllegalStateException("partition " + partition + " returned " + page.count() + " items");
        }
    }

    private static void load(DynamoDbClient client, String table, int items, int writers) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    long first;
                    while ((first = next.getAndAdd(25)) < items) {
                        List<WriteRequest> batch = new ArrayList<>(25);
                        for (long i = first; i < Math.min(first + 25, items); i++) {
                            Map<String, AttributeValue> item = item((int) i);
                            batch.add(WriteRequest.builder()
                                    .putRequest(p -> p.item(item))
                                    .build());
                        }
                        Map<String, List<WriteRequest>> unprocessed = Map.of(table, batch);
                        while (!unprocessed.isEmpty()) {
                            Map<String, List<WriteRequest>> request = unprocessed;
                            unprocessed = client.batchWriteItem(b -> b.requestItems(request))
                                    .unprocessedItems();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, AttributeValue> key(int n) {
        return Map.of("pk", AttributeValue.fromS("P#" + n / PARTITION), "sk", AttributeValue.fromS(sortKey(n)));
    }

    /** Item n: its key, a number and a 1,000-character string: about 1 KB as DynamoDB counts it. */
    static Map<String, AttributeValue> item(int n) {
        return Map.of(
                "pk", AttributeValue.fromS("P#" + n / PARTITION),
                "sk", AttributeValue.fromS(sortKey(n)),
                "n", AttributeValue.fromN(Integer.toString(n)),
                "payload", AttributeValue.fromS(PAYLOAD));
    }

    private static String sortKey(int n) {
        return "S#" + (1_000_000_000 + n);
    }

    /** Heap in use after two full collections. */
    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
