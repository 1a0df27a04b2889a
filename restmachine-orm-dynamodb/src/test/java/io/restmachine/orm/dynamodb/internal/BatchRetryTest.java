package io.restmachine.orm.dynamodb.internal;

import static io.restmachine.orm.ItemValue.n;
import static io.restmachine.orm.ItemValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.StoreItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Chunking, concurrency bounds and retries of batches, against a scripted client. */
class BatchRetryTest {

    private static DynamoDbStore store(ScriptedBatchClient client, int attempts) {
        return new DynamoDbStore(client, "t", new BatchSettings(attempts, Duration.ZERO, Duration.ofMillis(2), 3));
    }

    private static List<BatchWrite> puts(int count) {
        List<BatchWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, ItemValue> key = Map.of("pk", s("P"), "sk", s("I#" + i));
            writes.add(new BatchWrite.Put(StoreItem.neutral(Map.of("pk", s("P"), "sk", s("I#" + i), "n", n(i))), key));
        }
        return writes;
    }

    @Test
    void batchWrite_withUnprocessedItemsAndThrottledCalls_writesEverything_inChunksOfAtMost25() {
        ScriptedBatchClient client = new ScriptedBatchClient().unprocessed(0.3).throttled(0.1);
        try (DynamoDbStore store = store(client, 25)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(2_000));

            assertThat(outcome.failed()).isEmpty();
            assertThat(outcome.written())
                    .containsExactlyElementsOf(IntStream.range(0, 2_000).boxed().toList());
        }
        assertThat(client.stored).hasSize(2_000);
        assertThat(client.largestRequest.get()).isEqualTo(25);
        assertThat(client.mostInFlight.get()).isBetween(1, 3);
    }

    @Test
    void batchWrite_whenSomeItemsStayUnprocessed_failsExactlyThose_afterTheConfiguredAttempts() {
        ScriptedBatchClient client = new ScriptedBatchClient()
                .alwaysUnprocessed(key -> Integer.parseInt(key.get("sk").s().substring(2)) % 7 == 0);
        try (DynamoDbStore store = store(client, 3)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(100));

            List<Integer> multiplesOf7 =
                    IntStream.range(0, 100).filter(i -> i % 7 == 0).boxed().toList();
            assertThat(outcome.failed())
                    .extracting(BatchWriteOutcome.Failure::index)
                    .containsExactlyElementsOf(multiplesOf7);
            assertThat(outcome.failed()).allSatisfy(f -> assertThat(f.reason()).contains("after 3 attempts"));
            assertThat(outcome.written()).hasSize(100 - multiplesOf7.size()).doesNotContainAnyElementsOf(multiplesOf7);
        }
        assertThat(client.stored).hasSize(100 - 15);
        // 4 chunks, each sent 3 times because each holds a multiple of 7.
        assertThat(client.calls.get()).isEqualTo(12);
    }

    @Test
    void batchWrite_whenEverythingStaysUnprocessed_failsEveryIndex() {
        ScriptedBatchClient client = new ScriptedBatchClient().unprocessed(1.0);
        try (DynamoDbStore store = store(client, 2)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(60));

            assertThat(outcome.written()).isEmpty();
            assertThat(outcome.failed())
                    .extracting(BatchWriteOutcome.Failure::index)
                    .containsExactlyElementsOf(IntStream.range(0, 60).boxed().toList());
        }
    }

    @Test
    void batchWrite_whenAChunkIsRefused_failsThatChunkWithTheServiceReason_andWritesTheOthers() {
        ScriptedBatchClient client =
                new ScriptedBatchClient().poison(key -> key.get("sk").s().equals("I#30"));
        try (DynamoDbStore store = store(client, 5)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(60));

            assertThat(outcome.failed())
                    .extracting(BatchWriteOutcome.Failure::index)
                    .containsExactlyElementsOf(IntStream.range(25, 50).boxed().toList());
            assertThat(outcome.failed().get(0).reason()).contains("not authorized");
            assertThat(outcome.written()).hasSize(35);
        }
    }

    @Test
    void batchWrite_withDuplicateKeys_sendsEachKeyOnce_andAccountsForEveryIndex() {
        ScriptedBatchClient client = new ScriptedBatchClient();
        List<BatchWrite> writes = new ArrayList<>(puts(30));
        writes.addAll(puts(30));
        try (DynamoDbStore store = store(client, 2)) {
            BatchWriteOutcome outcome = store.batchWrite(writes);

            assertThat(outcome.failed()).isEmpty();
            assertThat(outcome.written()).hasSize(60);
        }
        assertThat(client.requestSizes.stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(30);
    }

    @Test
    void batchGet_withUnprocessedKeysAndThrottling_readsEveryItem_inChunksOfAtMost100() {
        ScriptedBatchClient client = new ScriptedBatchClient();
        try (DynamoDbStore store = store(client, 25)) {
            assertThat(store.batchWrite(puts(450)).failed()).isEmpty();
            client.unprocessed(0.3).throttled(0.1);
            client.largestRequest.set(0);
            List<Map<String, ItemValue>> keys = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                keys.add(Map.of("pk", s("P"), "sk", s("I#" + (i % 460))));
            }

            List<StoreItem> items = store.batchGet(keys, false, null);

            assertThat(items).hasSize(450);
            assertThat(items).extracting(i -> i.get("n")).doesNotHaveDuplicates();
        }
        assertThat(client.largestRequest.get()).isEqualTo(100);
    }

    @Test
    void batchGet_whenKeysStayUnprocessed_throwsBackendExceptionSayingHowMany() {
        ScriptedBatchClient client = new ScriptedBatchClient()
                .alwaysUnprocessed(key -> key.get("sk").s().equals("I#3"));
        try (DynamoDbStore store = store(client, 3)) {
            assertThatThrownBy(() -> store.batchGet(List.of(Map.of("pk", s("P"), "sk", s("I#3"))), false, null))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("1 keys still unread after 3 attempts")
                    .hasMessageContaining("batchMaxAttempts");
        }
    }

    @Test
    void backoff_growsExponentiallyUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100));

        assertThat(IntStream.rangeClosed(1, 6).mapToLong(backoff::capNanos).map(n -> n / 1_000_000))
                .containsExactly(10L, 20L, 40L, 80L, 100L, 100L);
        assertThat(backoff.capNanos(80)).isEqualTo(100_000_000L);
    }
}
