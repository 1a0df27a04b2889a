package io.restmachine.orm.dynamodb.internal;

import static io.restmachine.orm.ItemValue.n;
import static io.restmachine.orm.ItemValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.Expr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The conditional puts of {@code batchCreate} as TransactWriteItems chunks, against a scripted
 * client that cancels transactions as DynamoDB does: every put ends written, refused or failed,
 * exactly once, whatever the cancellation reasons.
 */
class TransactWriterTest {
    private static final Expr NOT_EXISTS = new Expr("attribute_not_exists(#pk)", Map.of("#pk", "pk"), Map.of());

    /**
     * A table in a map. TransactWriteItems is all or nothing, with one cancellation reason per put:
     * ConditionalCheckFailed (with the stored item) for a key that exists, a scripted code for a
     * scripted key, None for the rest; two puts of one key are refused as DynamoDB refuses them.
     * PutItem (the fallback) is conditional on the key being free.
     */
    static final class Client implements DynamoDbClient {
        final Map<String, Map<String, AttributeValue>> stored = new ConcurrentHashMap<>();
        final List<Integer> transactionSizes = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger putItems = new AtomicInteger();
        /** Key to the code its put is cancelled with, and how many more times. */
        final Set<String> applied = ConcurrentHashMap.newKeySet();

        final Map<String, String> scriptedCode = new ConcurrentHashMap<>();

        final Map<String, AtomicInteger> scriptedTimes = new ConcurrentHashMap<>();
        boolean noTransactions;
        DynamoDbException wholeRequestError;
        final List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        /** Calls to fail with a server error after applying them, as a lost response does. */
        final AtomicInteger appliedButFailed = new AtomicInteger();

        Client failing(String sk, String code, int times) {
            scriptedCode.put(sk, code);
            scriptedTimes.put(sk, new AtomicInteger(times));
            return this;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            if (noTransactions) {
                throw error("UnknownOperationException", "An unknown operation was requested.");
            }
            transactionSizes.add(request.transactItems().size());
            tokens.add(request.clientRequestToken());
            if (wholeRequestError != null) {
                throw wholeRequestError;
            }
            if (applied.contains(request.clientRequestToken())) {
                // The token of a call that was applied: DynamoDB answers success without evaluating it again.
                return TransactWriteItemsResponse.builder().build();
            }
            List<String> keys = new ArrayList<>();
            for (TransactWriteItem item : request.transactItems()) {
                keys.add(item.put().item().get("sk").s());
            }
            if (Set.copyOf(keys).size() != keys.size()) {
                throw error(
                        "ValidationException", "Transaction request cannot include multiple operations on one item");
            }
            List<CancellationReason> reasons = new ArrayList<>();
            boolean cancelled = false;
            synchronized (this) {
                for (String key : keys) {
                    AtomicInteger times = scriptedTimes.get(key);
                    if (stored.containsKey(key)) {
                        reasons.add(CancellationReason.builder()
                                .code("ConditionalCheckFailed")
                                .message("The conditional request failed")
                                .item(stored.get(key))
                                .build());
                        cancelled = true;
                    } else if (times != null && times.getAndDecrement() > 0) {
                        reasons.add(CancellationReason.builder()
                                .code(scriptedCode.get(key))
                                .message("scripted")
                                .build());
                        cancelled = true;
                    } else {
                        reasons.add(CancellationReason.builder().code("None").build());
                    }
                }
                if (!cancelled) {
                    for (TransactWriteItem item : request.transactItems()) {
                        stored.put(item.put().item().get("sk").s(), item.put().item());
                    }
                    if (appliedButFailed.getAndDecrement() > 0) {
                        applied.add(request.clientRequestToken());
                        throw (DynamoDbException) error("InternalServerError", "lost response").toBuilder()
                                .statusCode(500)
                                .build();
                    }
                    return TransactWriteItemsResponse.builder().build();
                }
            }
            throw (TransactionCanceledException) TransactionCanceledException.builder()
                    .message("Transaction cancelled, please refer cancellation reasons for specific reasons")
                    .cancellationReasons(reasons)
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("TransactionCanceledException")
                            .build())
                    .build();
        }

        @Override
        public synchronized PutItemResponse putItem(PutItemRequest request) {
            putItems.incrementAndGet();
            String key = request.item().get("sk").s();
            if (request.item().containsKey("tooBig")) {
                throw error("ValidationException", "Item size has exceeded the maximum allowed size");
            }
            if (stored.containsKey(key)) {
                throw ConditionalCheckFailedException.builder()
                        .message("The conditional request failed")
                        .item(stored.get(key))
                        .build();
            }
            stored.put(key, request.item());
            return PutItemResponse.builder().build();
        }

        static DynamoDbException error(String code, String message) {
            return ScriptedBatchClient.error(code, message);
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    private static DynamoDbStore store(Client client, int attempts) {
        return new DynamoDbStore(client, "t", new BatchSettings(attempts, Duration.ZERO, Duration.ofMillis(1), 3));
    }

    private static BatchWrite.Put put(String sk, int n) {
        Map<String, ItemValue> key = Map.of("pk", s("P"), "sk", s(sk));
        return new BatchWrite.Put(Map.of("pk", s("P"), "sk", s(sk), "n", n(n)), key, NOT_EXISTS);
    }

    private static List<BatchWrite> puts(int count) {
        List<BatchWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(put("I#" + i, i));
        }
        return writes;
    }

    private static void preStore(Client client, int... positions) {
        for (int i : positions) {
            client.stored.put("I#" + i, Map.of("sk", AttributeValue.fromS("I#" + i), "n", AttributeValue.fromN("-1")));
        }
    }

    private static List<Integer> allBut(int count, List<Integer> left) {
        return IntStream.range(0, count).boxed().filter(i -> !left.contains(i)).toList();
    }

    /** Every index in exactly one of written, refused, failed. */
    private static void assertAccountedFor(BatchWriteOutcome outcome, int count) {
        List<Integer> all = new ArrayList<>(outcome.written());
        outcome.refused().forEach(r -> all.add(r.index()));
        outcome.failed().forEach(f -> all.add(f.index()));
        assertThat(all)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, count).boxed().toList());
    }

    @Test
    void duplicatesAtChunkBoundaries_areRefusedExactly_andEveryOtherPutIsWritten_inChunksOfAtMost100() {
        Client client = new Client();
        preStore(client, 0, 99, 100, 249);
        try (DynamoDbStore store = store(client, 3)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(250));

            assertAccountedFor(outcome, 250);
            assertThat(outcome.refused())
                    .extracting(BatchWriteOutcome.Refused::index)
                    .containsExactlyInAnyOrder(0, 99, 100, 249);
            assertThat(outcome.refused())
                    .allSatisfy(r -> assertThat(r.existingItem()).containsEntry("n", n(-1)));
            assertThat(outcome.written()).containsExactlyElementsOf(allBut(250, List.of(0, 99, 100, 249)));
            assertThat(outcome.failed()).isEmpty();
        }
        // Chunks of 100, 100 and 50, each cancelled once for its duplicates and resent without them.
        assertThat(client.transactionSizes).containsExactlyInAnyOrder(100, 100, 50, 98, 99, 49);
        assertThat(client.putItems).hasValue(0);
        assertThat(client.stored.get("I#0")).containsEntry("n", AttributeValue.fromN("-1"));
        assertThat(client.stored).hasSize(250);
    }

    @Test
    void largeItems_splitChunksBeforeTheyPassTheRequestSizeLimit() {
        Client client = new Client();
        List<BatchWrite> writes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, ItemValue> key = Map.of("pk", s("P"), "sk", s("I#" + i));
            writes.add(new BatchWrite.Put(
                    Map.of("pk", s("P"), "sk", s("I#" + i), "text", s("é".repeat(120_000))), key, NOT_EXISTS));
        }
        try (DynamoDbStore store = store(client, 3)) {
            assertThat(store.batchWrite(writes).written()).hasSize(12);
        }
        // About 360 KB each (é is 2 bytes in UTF-8, counted as at most 3): 9 fit under 3.5 MB, not 10.
        assertThat(client.transactionSizes).containsExactlyInAnyOrder(9, 3);
    }

    @Test
    void aCallAppliedButAnsweredWithAServerError_isResentWithItsToken_soItsPutsAreWrittenNotDuplicates() {
        Client client = new Client();
        client.appliedButFailed.set(1);
        try (DynamoDbStore store = store(client, 3)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(10));

            assertThat(outcome.written()).hasSize(10);
            assertThat(outcome.refused()).isEmpty();
        }
        assertThat(client.tokens).hasSize(2).doesNotContainNull();
        assertThat(client.tokens.get(1)).isEqualTo(client.tokens.get(0));
    }

    @Test
    void aPutResentAfterACancellation_goesWithANewToken() {
        Client client = new Client();
        preStore(client, 0);
        try (DynamoDbStore store = store(client, 3)) {
            assertThat(store.batchWrite(puts(3)).written()).containsExactly(1, 2);
        }
        assertThat(client.tokens).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void theSameKeyTwiceInOneCall_isNeverInOneTransaction_theFirstIsWrittenAndTheSecondRefused() {
        Client client = new Client();
        List<BatchWrite> writes = new ArrayList<>(puts(10));
        writes.add(put("I#3", 33));
        writes.add(put("I#3", 333));
        try (DynamoDbStore store = store(client, 3)) {
            BatchWriteOutcome outcome = store.batchWrite(writes);

            assertAccountedFor(outcome, 12);
            assertThat(outcome.refused())
                    .extracting(BatchWriteOutcome.Refused::index)
                    .containsExactlyInAnyOrder(10, 11);
            assertThat(outcome.failed()).isEmpty();
        }
        assertThat(client.stored.get("I#3")).containsEntry("n", AttributeValue.fromN("3"));
    }

    @Test
    void conflictsAndThrottlingInTheReasons_areResentWithBackoff_untilWritten() {
        Client client = new Client()
                .failing("I#5", "TransactionConflict", 2)
                .failing("I#150", "ThrottlingError", 1)
                .failing("I#151", "ProvisionedThroughputExceeded", 1);
        preStore(client, 7);
        try (DynamoDbStore store = store(client, 3)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(200));

            assertAccountedFor(outcome, 200);
            assertThat(outcome.refused())
                    .extracting(BatchWriteOutcome.Refused::index)
                    .containsExactly(7);
            assertThat(outcome.failed()).isEmpty();
        }
        assertThat(client.stored).hasSize(200);
    }

    @Test
    void aPutThatKeepsConflicting_failsAfterTheConfiguredAttempts_andTheRestOfItsChunkIsWritten() {
        Client client = new Client().failing("I#5", "TransactionConflict", 1_000);
        try (DynamoDbStore store = store(client, 2)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(20));

            assertAccountedFor(outcome, 20);
            assertThat(outcome.failed()).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(5);
                assertThat(f.reason()).contains("after 2 attempts").contains("TransactionConflict");
            });
            assertThat(outcome.written()).containsExactlyElementsOf(allBut(20, List.of(5)));
        }
    }

    @Test
    void mixedFailures_aDuplicateAnInvalidPutAndAConflict_eachEndWhereTheyBelong() {
        Client client = new Client()
                .failing("I#2", "ValidationError", 1)
                .failing("I#3", "TransactionConflict", 1)
                .failing("I#4", "ItemCollectionSizeLimitExceeded", 1);
        preStore(client, 1);
        try (DynamoDbStore store = store(client, 3)) {
            BatchWriteOutcome outcome = store.batchWrite(puts(6));

            assertAccountedFor(outcome, 6);
            assertThat(outcome.refused())
                    .extracting(BatchWriteOutcome.Refused::index)
                    .containsExactly(1);
            assertThat(outcome.failed())
                    .extracting(BatchWriteOutcome.Failure::index)
                    .containsExactlyInAnyOrder(2, 4);
            assertThat(outcome.failed()).anySatisfy(f -> assertThat(f.reason()).contains("ValidationError"));
            assertThat(outcome.written()).containsExactly(0, 3, 5);
        }
    }

    @Test
    void withoutTransactionsOnTheServer_everyPutIsAPutItem_andTheServerIsAskedOnlyOnce() {
        Client client = new Client();
        client.noTransactions = true;
        preStore(client, 42);
        try (DynamoDbStore store = store(client, 3)) {
            BatchWriteOutcome first = store.batchWrite(puts(250));
            int asked = client.putItems.get();
            BatchWriteOutcome second = store.batchWrite(List.of(put("J#1", 1), put("I#0", 0)));

            assertAccountedFor(first, 250);
            assertThat(first.refused())
                    .extracting(BatchWriteOutcome.Refused::index)
                    .containsExactly(42);
            assertThat(asked).isEqualTo(250);
            assertThat(second.written()).containsExactly(0);
            assertThat(second.refused())
                    .extracting(BatchWriteOutcome.Refused::index)
                    .containsExactly(1);
        }
        // No transaction was recorded: the client refused each before counting it.
        assertThat(client.transactionSizes).isEmpty();
        assertThat(client.putItems).hasValue(252);
    }

    @Test
    void aChunkRefusedAsAWholeAsInvalid_isSentOneByOne_soOnlyTheOffendingPutFails() {
        Client client = new Client();
        client.wholeRequestError =
                Client.error("ValidationException", "Item size has exceeded the maximum allowed size");
        List<BatchWrite> writes = new ArrayList<>(puts(5));
        writes.set(
                2,
                new BatchWrite.Put(
                        Map.of("pk", s("P"), "sk", s("I#2"), "tooBig", s("x")),
                        Map.of("pk", s("P"), "sk", s("I#2")),
                        NOT_EXISTS));
        try (DynamoDbStore store = store(client, 3)) {
            BatchWriteOutcome outcome = store.batchWrite(writes);

            assertAccountedFor(outcome, 5);
            assertThat(outcome.failed()).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(2);
                assertThat(f.reason()).contains("maximum allowed size");
            });
            assertThat(outcome.written()).containsExactly(0, 1, 3, 4);
        }
        assertThat(client.putItems).hasValue(5);
    }
}
