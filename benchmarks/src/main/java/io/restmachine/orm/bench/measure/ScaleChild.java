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
 * rendered JSON), and, for the persistent engine, the time to open it again.
 *
 * <p>Arguments: {@code memory|persistent items seconds}.
 */
public final class ScaleChild {
    static final int PARTITION = 100;
    private static final String TABLE = "scale";
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
            Clients.createTable(client, TABLE);
            long started = System.nanoTime();
            load(client, items, persistent ? 32 : 2);
            result.put("loadSeconds", (System.nanoTime() - started) / 1e9);
            result.put("heapLoaded", liveHeap() - baseline);
            SplittableRandom random = new SplittableRandom(42);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (String operation : List.of("get", "put", "query")) {
                run(client, operation, items, random, nanos, null);
                long[] figures = new long[3];
                run(client, operation, items, random, nanos, figures);
                result.put(operation + "Wall", figures[0] / (double) figures[2]);
                result.put(operation + "Cpu", figures[1] / (double) figures[2]);
            }
            for (int p = 0; p < items / PARTITION; p++) {
                query(client, p);
            }
            result.put("heapRead", liveHeap() - baseline);
            if (threads.isCurrentThreadCpuTimeSupported()) {
                result.put("cpuSupported", true);
            }
        } finally {
            db.close();
        }
        if (persistent) {
            long opened = System.nanoTime();
            try (EmbeddedDynamoDB again = EmbeddedDynamoDB.persistent(dir)) {
                result.put("recoverySeconds", (System.nanoTime() - opened) / 1e9);
                result.put(
                        "recoveredItems", again.recoveryReport().orElseThrow().items());
            }
        }
        Scratch.delete(dir);
        ChildJvm.report(result);
    }

    /** Runs {@code operation} for {@code nanos}; fills wall ns, CPU ns and count when {@code figures} is given. */
    private static void run(
            DynamoDbClient client, String operation, int items, SplittableRandom random, long nanos, long[] figures) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        long end = started + nanos;
        long count = 0;
        while (System.nanoTime() < end) {
            int n = random.nextInt(items);
            switch (operation) {
                case "get" -> {
                    if (!client.getItem(b -> b.tableName(TABLE).key(key(n))).hasItem()) {
                        throw new IllegalStateException("item " + n + " is missing");
                    }
                }
                case "put" -> client.putItem(b -> b.tableName(TABLE).item(item(n)));
                default -> query(client, n / PARTITION);
            }
            count++;
        }
        if (figures != null) {
            figures[0] = System.nanoTime() - started;
            figures[1] = threads.getCurrentThreadCpuTime() - cpu;
            figures[2] = count;
        }
    }

    private static void query(DynamoDbClient client, int partition) {
        QueryResponse page = client.query(b -> b.tableName(TABLE)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("P#" + partition))));
        if (page.count() != PARTITION) {
            throw new IllegalStateException("partition " + partition + " returned " + page.count() + " items");
        }
    }

    private static void load(DynamoDbClient client, int items, int writers) throws Exception {
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
                        Map<String, List<WriteRequest>> unprocessed = Map.of(TABLE, batch);
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
