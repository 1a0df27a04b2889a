package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Parallel requests, bounded: single writes are atomic with their conditions, transactions all-or-nothing. */
class ConcurrencyTest extends EngineTest {
    private static final int THREADS = 8;

    private static void runAll(int threads, Runnable task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void concurrentAtomicAdds_loseNoIncrement(Transport transport) throws Exception {
        open(transport);
        createTable("counters", null);
        int perThread = 100;
        runAll(THREADS, () -> {
            for (int i = 0; i < perThread; i++) {
                client.updateItem(b -> b.tableName("counters")
                        .key(item("pk", "c"))
                        .updateExpression("ADD n :one")
                        .expressionAttributeValues(Map.of(":one", n("1"))));
            }
        });
        assertThat(client.getItem(b -> b.tableName("counters").key(item("pk", "c")))
                        .item())
                .containsEntry("n", n(Integer.toString(THREADS * perThread)));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void concurrentConditionalCreates_letExactlyOneWinPerKey(Transport transport) throws Exception {
        open(transport);
        createTable("counters", null);
        AtomicInteger wins = new AtomicInteger();
        int keys = 50;
        runAll(THREADS, () -> {
            for (int k = 0; k < keys; k++) {
                int key = k;
                try {
                    client.putItem(b -> b.tableName("counters")
                            .item(item(
                                    "pk",
                                    "k" + key,
                                    "owner",
                                    Thread.currentThread().getName()))
                            .conditionExpression("attribute_not_exists(pk)"));
                    wins.incrementAndGet();
                } catch (ConditionalCheckFailedException expected) {
                    // another thread created it first
                }
            }
        });
        assertThat(wins.get()).isEqualTo(keys);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transfersInTransactions_keepTheTotal_againstConcurrentSingleWrites(Transport transport) throws Exception {
        open(transport);
        createTable("accounts", null);
        client.putItem(b -> b.tableName("accounts").item(item("pk", "a", "balance", 1000)));
        client.putItem(b -> b.tableName("accounts").item(item("pk", "b", "balance", 1000)));
        AtomicInteger committed = new AtomicInteger();
        runAll(THREADS, () -> {
            for (int i = 0; i < 25; i++) {
                boolean forward = (i + Thread.currentThread().getId()) % 2 == 0;
                String from = forward ? "a" : "b";
                String to = forward ? "b" : "a";
                try {
                    client.transactWriteItems(b -> b.transactItems(
                            TransactWriteItem.builder()
                                    .update(u -> u.tableName("accounts")
                                            .key(item("pk", from))
                                            .updateExpression("SET balance = balance - :x")
                                            .conditionExpression("balance >= :x")
                                            .expressionAttributeValues(Map.of(":x", n("7"))))
                                    .build(),
                            TransactWriteItem.builder()
                                    .update(u -> u.tableName("accounts")
                                            .key(item("pk", to))
                                            .updateExpression("SET balance = balance + :x")
                                            .expressionAttributeValues(Map.of(":x", n("7"))))
                                    .build()));
                    committed.incrementAndGet();
                } catch (TransactionCanceledException e) {
                    // insufficient balance: nothing changed
                }
                // A conflicting single write on the same items, atomic on its own.
                client.updateItem(b -> b.tableName("accounts")
                        .key(item("pk", "a"))
                        .updateExpression("SET touched = :t")
                        .expressionAttributeValues(Map.of(":t", n("1"))));
            }
        });
        var items =
                client.scan(b -> b.tableName("accounts").consistentRead(true)).items();
        int total = items.stream()
                .mapToInt(i -> Integer.parseInt(i.get("balance").n()))
                .sum();
        assertThat(total).isEqualTo(2000);
        assertThat(committed.get()).isPositive();
    }
}
