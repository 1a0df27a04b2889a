package io.restmachine.orm.dynamodb.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.dynamodb.robustness.Models.Counter;
import io.restmachine.orm.dynamodb.robustness.Models.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent writers through the repository on the in-process engine: nothing lost, nothing half-done. */
class RepositoryConcurrencyTest {
    private static final int THREADS = 8;
    private EmbeddedDynamoDB db;
    private DynamoDBBackend backend;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        db = EmbeddedDynamoDB.inMemory();
        backend = DynamoDBBackend.builder()
                .tableName("concurrency")
                .client(db.client())
                .build();
        backend.register(Counter.class).register(Versioned.class).createTable();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        backend.close();
        db.close();
    }

    /** Runs {@code task} on every thread at once and returns their results (bounded wait). */
    private <R> List<R> onEveryThread(Callable<R> task) throws Exception {
        List<Future<R>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(task));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get(2, TimeUnit.MINUTES));
        }
        return results;
    }

    @Test
    void eightThreadsAddingAThousandTimesEach_endAtExactlyEightThousand() throws Exception {
        Repository<Counter> counters = backend.repository(Counter.class);
        counters.create(new Counter("hits", 0));

        onEveryThread(() -> {
            for (int i = 0; i < 1_000; i++) {
                counters.update(Key.of("id", "hits"), u -> u.add("hits", 1));
            }
            return null;
        });

        assertThat(counters.get("hits")).get().extracting(Counter::hits).isEqualTo(8_000L);
    }

    @Test
    void concurrentVersionedSaves_letExactlyOneWriterWinEachRound() throws Exception {
        Repository<Versioned> repository = backend.repository(Versioned.class);
        repository.create(new Versioned("doc", "nobody", 0));
        int rounds = 50;
        CyclicBarrier readAll = new CyclicBarrier(THREADS);
        CyclicBarrier roundDone = new CyclicBarrier(THREADS);
        AtomicInteger thread = new AtomicInteger();

        List<List<Boolean>> wins = onEveryThread(() -> {
            String me = "writer-" + thread.incrementAndGet();
            List<Boolean> mine = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Versioned read = repository.get("doc").orElseThrow();
                readAll.await(1, TimeUnit.MINUTES); // everyone holds the same version before anyone writes
                try {
                    repository.save(new Versioned("doc", me + "@" + round, read.version()));
                    mine.add(true);
                } catch (ConflictException lost) {
                    mine.add(false);
                }
                roundDone.await(1, TimeUnit.MINUTES);
            }
            return mine;
        });

        for (int round = 0; round < rounds; round++) {
            int r = round;
            assertThat(wins.stream().filter(w -> w.get(r)).count())
                    .as("winners of round %d", round)
                    .isEqualTo(1);
        }
        Versioned last = repository.get("doc").orElseThrow();
        assertThat(last.owner()).endsWith("@" + (rounds - 1));
        assertThat(last.version()).isEqualTo(rounds + 1L); // created at 1, one successful save per round
    }

    @Test
    void transactionsAgainstConflictingSingleWrites_neverLeaveAPartialResult() throws Exception {
        Repository<Counter> counters = backend.repository(Counter.class);
        counters.create(new Counter("x", 0));
        counters.create(new Counter("y", 0));
        AtomicInteger thread = new AtomicInteger();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger singles = new AtomicInteger();
        AtomicInteger canceled = new AtomicInteger();

        onEveryThread(() -> {
            boolean transactional = thread.incrementAndGet() % 2 == 0;
            for (int i = 0; i < 150; i++) {
                if (transactional) {
                    try {
                        backend.transaction(tx -> tx.update(Counter.class, Key.of("id", "x"), u -> u.add("hits", 1))
                                .update(Counter.class, Key.of("id", "y"), u -> u.add("hits", 1)));
                        committed.incrementAndGet();
                    } catch (TransactionCanceledException | ConflictException e) {
                        canceled.incrementAndGet();
                    }
                } else {
                    counters.update(Key.of("id", "x"), u -> u.add("hits", 1));
                    singles.incrementAndGet();
                }
            }
            return null;
        });

        long x = counters.get("x").orElseThrow().hits();
        long y = counters.get("y").orElseThrow().hits();
        assertThat(committed.get() + canceled.get()).isEqualTo(4 * 150);
        assertThat(committed.get()).as("some transactions commit").isPositive();
        assertThat(y).as("y is written by transactions alone").isEqualTo(committed.get());
        assertThat(x).as("x = committed transactions + single writes").isEqualTo(committed.get() + singles.get());
    }
}
