package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Item collections (tables with local secondary indexes): {@code ReturnItemCollectionMetrics},
 * the item collection size limit, the table and index sizes of DescribeTable, the 4 MB limit of a
 * transaction and DynamoDB's split between key errors that cancel a transaction and those that
 * reject it outright.
 */
class ItemCollectionsTest extends EngineTest {
    private static final String SIZE_EXCEEDED = "Collection size exceeded.";

    /** pk/sk table with a local index on {@code l} (ALL) and a global index on {@code g} (KEYS_ONLY). */
    private void createIndexedTable(String name) {
        client.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk"), definition("sk"), definition("l"), definition("g"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("by-l")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("by-g")
                        .keySchema(key("g", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .build()));
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private TableDescription describe(String table) {
        return client.describeTable(b -> b.tableName(table)).table();
    }

    private static void assertSmallCollection(ItemCollectionMetrics metrics, String partition) {
        assertThat(metrics.itemCollectionKey()).isEqualTo(Map.of("pk", AttributeValue.fromS(partition)));
        assertThat(metrics.sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
    }

    private static String pad(int length) {
        return "x".repeat(length);
    }

    // ---- ReturnItemCollectionMetrics -------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Transport.class)
    void singleItemWritesReturnTheCollectionKeyAndSizeEstimateWhenAskedForSize(Transport transport) {
        open(transport);
        createIndexedTable("threads");
        var put = client.putItem(b -> b.tableName("threads")
                .item(item("pk", "a", "sk", "1", "l", "x"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertSmallCollection(put.itemCollectionMetrics(), "a");
        var update = client.updateItem(b -> b.tableName("threads")
                .key(item("pk", "a", "sk", "1"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", s("w")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertSmallCollection(update.itemCollectionMetrics(), "a");
        var delete = client.deleteItem(b -> b.tableName("threads")
                .key(item("pk", "a", "sk", "1"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertSmallCollection(delete.itemCollectionMetrics(), "a");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void metricsAreLeftOutForNoneAndForTablesWithoutLocalIndexes(Transport transport) {
        open(transport);
        createIndexedTable("threads");
        createTable("plain", "S");
        var none = client.putItem(b -> b.tableName("threads")
                .item(item("pk", "a", "sk", "1"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.NONE));
        assertThat(none.itemCollectionMetrics()).isNull();
        var plain = client.putItem(b -> b.tableName("plain")
                .item(item("pk", "a", "sk", "1"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertThat(plain.itemCollectionMetrics()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void batchesAndTransactionsReturnMetricsPerTableForEachItemWritten(Transport transport) {
        open(transport);
        createIndexedTable("threads");
        createTable("plain", null);
        var batch = client.batchWriteItem(b -> b.requestItems(Map.of(
                        "threads",
                        List.of(put(item("pk", "a", "sk", "1")), put(item("pk", "b", "sk", "1"))),
                        "plain",
                        List.of(put(item("pk", "p")))))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertThat(batch.itemCollectionMetrics()).containsOnlyKeys("threads");
        assertThat(batch.itemCollectionMetrics().get("threads"))
                .extracting(m -> m.itemCollectionKey().get("pk").s())
                .containsExactly("a", "b");
        var transaction = client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("threads").item(item("pk", "c", "sk", "1")))
                                .build(),
                        TransactWriteItem.builder()
                                .conditionCheck(c -> c.tableName("threads")
                                        .key(item("pk", "a", "sk", "1"))
                                        .conditionExpression("attribute_exists(pk)"))
                                .build(),
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("plain").item(item("pk", "q")))
                                .build())
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertThat(transaction.itemCollectionMetrics()).containsOnlyKeys("threads");
        assertThat(transaction.itemCollectionMetrics().get("threads")).hasSize(1);
        assertSmallCollection(transaction.itemCollectionMetrics().get("threads").get(0), "c");
    }

    // ---- the item collection size limit -------------------------------------------------------

    /** An engine whose item collections may hold 3,000 bytes (items plus local index entries). */
    private DynamoDbClient openWithSmallCollections(Transport transport) {
        return open(transport, EmbeddedDynamoDB.builder().itemCollectionSizeLimit(3_000));
    }

    /** One item of about 1 KB, twice that with its local index entry (ALL projection). */
    private static Map<String, AttributeValue> big(String partition, String sort) {
        return item("pk", partition, "sk", sort, "l", "x", "data", pad(1_000));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aPutThatWouldOverfillAnItemCollectionFailsAndWritesNothing(Transport transport) {
        openWithSmallCollections(transport);
        createIndexedTable("threads");
        client.putItem(b -> b.tableName("threads").item(big("a", "1")));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("threads").item(big("a", "2"))))
                .isInstanceOf(ItemCollectionSizeLimitExceededException.class)
                .hasMessageStartingWith(SIZE_EXCEEDED);
        assertThat(client.getItem(b -> b.tableName("threads").key(item("pk", "a", "sk", "2")))
                        .hasItem())
                .isFalse();
        assertThat(describe("threads").itemCount()).isEqualTo(1);
        // another partition is another collection; a table without local indexes has none
        client.putItem(b -> b.tableName("threads").item(big("b", "1")));
        createTable("plain", "S");
        for (int i = 0; i < 5; i++) {
            String sort = "s" + i;
            client.putItem(b -> b.tableName("plain").item(item("pk", "a", "sk", sort, "data", pad(1_000))));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anUpdateMayNotGrowAFullCollectionButDeletesAndShrinkingWritesAlwaysWork(Transport transport) {
        openWithSmallCollections(transport);
        createIndexedTable("threads");
        client.putItem(b -> b.tableName("threads").item(big("a", "1")));
        client.putItem(b -> b.tableName("threads").item(item("pk", "a", "sk", "2", "l", "y")));
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName("threads")
                        .key(item("pk", "a", "sk", "2"))
                        .updateExpression("SET #d = :d")
                        .expressionAttributeNames(Map.of("#d", "data"))
                        .expressionAttributeValues(Map.of(":d", s(pad(1_000))))))
                .isInstanceOf(ItemCollectionSizeLimitExceededException.class)
                .hasMessageStartingWith(SIZE_EXCEEDED);
        assertThat(client.getItem(b -> b.tableName("threads").key(item("pk", "a", "sk", "2")))
                        .item())
                .doesNotContainKey("data");
        client.updateItem(b -> b.tableName("threads")
                .key(item("pk", "a", "sk", "1"))
                .updateExpression("REMOVE #d")
                .expressionAttributeNames(Map.of("#d", "data")));
        client.deleteItem(b -> b.tableName("threads").key(item("pk", "a", "sk", "1")));
        client.putItem(b -> b.tableName("threads").item(big("a", "3")));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aBatchThatWouldOverfillACollectionFailsWithoutWritingAnyOfItsItems(Transport transport) {
        openWithSmallCollections(transport);
        createIndexedTable("threads");
        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(
                        "threads", List.of(put(item("pk", "b", "sk", "1")), put(big("a", "1")), put(big("a", "2")))))))
                .isInstanceOf(ItemCollectionSizeLimitExceededException.class)
                .hasMessageStartingWith(SIZE_EXCEEDED);
        assertThat(client.scan(b -> b.tableName("threads")).count()).isZero();
        assertThat(describe("threads").tableSizeBytes()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTransactionThatWouldOverfillACollectionIsCancelledWithThatActionsReason(Transport transport) {
        openWithSmallCollections(transport);
        createIndexedTable("threads");
        client.putItem(b -> b.tableName("threads").item(big("a", "1")));
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("threads").item(item("pk", "b", "sk", "1")))
                                .build(),
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("threads").item(big("a", "2")))
                                .build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("Transaction cancelled, please refer cancellation reasons for specific"
                                    + " reasons [None, ItemCollectionSizeLimitExceeded]");
                    assertThat(e.cancellationReasons())
                            .extracting(CancellationReason::code)
                            .containsExactly("None", "ItemCollectionSizeLimitExceeded");
                    assertThat(e.cancellationReasons().get(1).message()).isEqualTo(SIZE_EXCEEDED);
                });
        assertThat(client.scan(b -> b.tableName("threads")).count()).isEqualTo(1);
    }

    @Test
    void theCollectionLimitCanOnlyBeLoweredAndSaysWhatItGot() {
        assertThatThrownBy(() -> EmbeddedDynamoDB.builder().itemCollectionSizeLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("itemCollectionSizeLimit must be between 1 byte and 10 GiB (10737418240), got 0");
        assertThatThrownBy(() -> EmbeddedDynamoDB.builder().itemCollectionSizeLimit(20L << 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 21474836480");
    }

    // ---- table and index sizes --------------------------------------------------------------

    /*
     * Sizes by DynamoDB's rules: an attribute is its name's UTF-8 length plus its value's size.
     * item("pk","a","sk","1","l","x","g","y","data","hello") = 3 + 3 + 2 + 2 + 9 = 19 bytes;
     * its local (ALL) entry is 19 + 100; its global (KEYS_ONLY: pk, sk, g) entry is 8 + 100.
     */
    private static final Map<String, AttributeValue> FULL =
            item("pk", "a", "sk", "1", "l", "x", "g", "y", "data", "hello");

    @ParameterizedTest
    @EnumSource(Transport.class)
    void describeTableReportsItemCountsAndSizesOfTheTableAndEachIndex(Transport transport) {
        open(transport);
        createIndexedTable("threads");
        client.putItem(b -> b.tableName("threads").item(FULL));
        client.putItem(b -> b.tableName("threads").item(item("pk", "a", "sk", "2")));
        TableDescription table = describe("threads");
        assertThat(table.itemCount()).isEqualTo(2);
        assertThat(table.tableSizeBytes()).isEqualTo(19 + 6);
        assertThat(table.localSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
        assertThat(table.localSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(119);
        assertThat(table.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
        assertThat(table.globalSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(108);

        // overwrite: the item leaves the local index, grows by 4 bytes; delete the other
        client.putItem(b -> b.tableName("threads").item(item("pk", "a", "sk", "1", "g", "y", "data", "hello!!!!")));
        client.deleteItem(b -> b.tableName("threads").key(item("pk", "a", "sk", "2")));
        table = describe("threads");
        assertThat(table.itemCount()).isEqualTo(1);
        assertThat(table.tableSizeBytes()).isEqualTo(19 - 2 + 4);
        assertThat(table.localSecondaryIndexes().get(0).itemCount()).isZero();
        assertThat(table.localSecondaryIndexes().get(0).indexSizeBytes()).isZero();
        assertThat(table.globalSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(108);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aGlobalIndexAddedLaterIsSizedFromTheItemsItWasFilledWith(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "g", "y", "n", 5)));
        client.putItem(b -> b.tableName("items").item(item("pk", "b")));
        client.updateTable(b -> b.tableName("items")
                .attributeDefinitions(definition("g"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-g")
                        .keySchema(key("g", KeyType.HASH))
                        .projection(
                                p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("n")))));
        var index = describe("items").globalSecondaryIndexes().get(0);
        // pk=a (3) + g=y (2) + n=5 (1 + 2) = 8, plus 100 of overhead
        assertThat(index.itemCount()).isEqualTo(1);
        assertThat(index.indexSizeBytes()).isEqualTo(108);
    }

    /** The size of an item whose attributes are all ASCII strings: name lengths plus value lengths. */
    private static long asciiSize(Map<String, AttributeValue> item) {
        return item.entrySet().stream()
                .mapToLong(e -> e.getKey().length() + e.getValue().s().length())
                .sum();
    }

    @Test
    void sizesKeptUnderConcurrentWritesEqualSizesComputedFromTheItems() throws Exception {
        open(Transport.IN_PROCESS);
        createIndexedTable("threads");
        int threads = 4;
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            java.util.Random random = new java.util.Random(42 + t);
            writers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        Map<String, AttributeValue> key =
                                item("pk", "p" + random.nextInt(3), "sk", String.valueOf(random.nextInt(20)));
                        switch (random.nextInt(5)) {
                            case 0 -> client.deleteItem(
                                    b -> b.tableName("threads").key(key));
                            case 1 -> client.updateItem(b -> b.tableName("threads")
                                    .key(key)
                                    .updateExpression("SET #d = :d")
                                    .expressionAttributeNames(Map.of("#d", "data"))
                                    .expressionAttributeValues(Map.of(":d", s(pad(random.nextInt(40))))));
                            case 2 -> client.updateItem(b -> b.tableName("threads")
                                    .key(key)
                                    .updateExpression("REMOVE l, #d")
                                    .expressionAttributeNames(Map.of("#d", "data")));
                            default -> {
                                Map<String, AttributeValue> item = new java.util.HashMap<>(key);
                                if (random.nextBoolean()) {
                                    item.put("l", s(pad(1 + random.nextInt(5))));
                                }
                                if (random.nextBoolean()) {
                                    item.put("g", s(pad(1 + random.nextInt(5))));
                                }
                                item.put("data", s(pad(random.nextInt(60))));
                                client.putItem(b -> b.tableName("threads").item(item));
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join(60_000);
            assertThat(writer.isAlive()).as("writer finished within a minute").isFalse();
        }
        assertThat(failures).isEmpty();

        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.scanPaginator(b -> b.tableName("threads")).items().forEach(items::add);
        long tableSize =
                items.stream().mapToLong(ItemCollectionsTest::asciiSize).sum();
        long localSize = items.stream()
                .filter(i -> i.containsKey("l"))
                .mapToLong(i -> asciiSize(i) + 100)
                .sum();
        long globalSize = items.stream()
                .filter(i -> i.containsKey("g"))
                .mapToLong(i -> asciiSize(Map.of("pk", i.get("pk"), "sk", i.get("sk"), "g", i.get("g"))) + 100)
                .sum();
        TableDescription table = describe("threads");
        assertThat(table.itemCount()).isEqualTo(items.size());
        assertThat(table.tableSizeBytes()).isEqualTo(tableSize);
        assertThat(table.localSecondaryIndexes().get(0).itemCount())
                .isEqualTo(items.stream().filter(i -> i.containsKey("l")).count());
        assertThat(table.localSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(localSize);
        assertThat(table.globalSecondaryIndexes().get(0).itemCount())
                .isEqualTo(items.stream().filter(i -> i.containsKey("g")).count());
        assertThat(table.globalSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(globalSize);
    }

    @Test
    void sizesAreRecomputedWhenAPersistentEngineReopens(@TempDir Path dir) {
        long tableSize;
        long localSize;
        try (EmbeddedDynamoDB first = EmbeddedDynamoDB.persistent(dir)) {
            db = first;
            client = first.client();
            createIndexedTable("threads");
            client.putItem(b -> b.tableName("threads").item(FULL));
            client.putItem(b -> b.tableName("threads").item(big("a", "2")));
            client.deleteItem(b -> b.tableName("threads").key(item("pk", "a", "sk", "2")));
            client.putItem(b -> b.tableName("threads").item(big("b", "1")));
            TableDescription before = describe("threads");
            tableSize = before.tableSizeBytes();
            localSize = before.localSecondaryIndexes().get(0).indexSizeBytes();
            assertThat(tableSize).isGreaterThan(1_000);
        }
        try (EmbeddedDynamoDB second = EmbeddedDynamoDB.persistent(dir)) {
            client = second.client();
            TableDescription after = describe("threads");
            assertThat(after.itemCount()).isEqualTo(2);
            assertThat(after.tableSizeBytes()).isEqualTo(tableSize);
            assertThat(after.localSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(localSize);
            assertThat(after.globalSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(108);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void itemsDeletedByTimeToLiveLeaveTheSizes(Transport transport) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        open(transport, EmbeddedDynamoDB.builder().clock(clock).expiryInterval(Duration.ZERO));
        createIndexedTable("threads");
        client.updateTimeToLive(b -> b.tableName("threads")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        client.putItem(b -> b.tableName("threads").item(FULL));
        // Expired ten seconds ago: DynamoDB ignores expiries more than five years in the past.
        long expires = clock.instant().getEpochSecond() - 10;
        Map<String, AttributeValue> expiring = item("pk", "a", "sk", "2", "l", "z", "expires", expires);
        client.putItem(b -> b.tableName("threads").item(expiring));
        assertThat(db.expireNow()).isEqualTo(1);
        TableDescription table = describe("threads");
        assertThat(table.itemCount()).isEqualTo(1);
        assertThat(table.tableSizeBytes()).isEqualTo(19);
        assertThat(table.localSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(119);
    }

    // ---- the 4 MB transaction limit ---------------------------------------------------------

    private static TransactWriteItem putOf(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTransactionWhoseItemsAddUpToMoreThan4MbIsRejectedAndWritesNothing(Transport transport) {
        open(transport);
        createTable("items", null);
        List<TransactWriteItem> fits = new ArrayList<>();
        List<TransactWriteItem> tooMuch = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            SdkBytes payload = SdkBytes.fromByteArray(new byte[390 * 1024]);
            Map<String, AttributeValue> item = item("pk", "k" + i, "b", AttributeValue.fromB(payload));
            tooMuch.add(putOf("items", item));
            if (i < 10) {
                fits.add(putOf("items", item("pk", "ok" + i, "b", AttributeValue.fromB(payload))));
            }
        }
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(tooMuch)))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(
                                ((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageStartingWith("Collection size of items exceeded, which can also be caused by the aggregate"
                        + " size of the items in the transaction exceeding the 4MB limit");
        assertThat(client.scan(b -> b.tableName("items")).count()).isZero();
        client.transactWriteItems(b -> b.transactItems(fits));
        assertThat(describe("items").itemCount()).isEqualTo(10);
    }

    // ---- keys of the wrong type inside a transaction ---------------------------------------

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aKeyOfTheWrongTypeOrNotAScalarCancelsTheTransactionWithAValidationErrorReason(Transport transport) {
        open(transport);
        createTable("items", null);
        AttributeValue map = AttributeValue.fromM(Map.of("a", s("x")));
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                        putOf("items", item("pk", "fine")),
                        putOf("items", Map.of("pk", AttributeValue.fromL(List.of(s("x"))))),
                        TransactWriteItem.builder()
                                .delete(d -> d.tableName("items").key(Map.of("pk", map)))
                                .build(),
                        TransactWriteItem.builder()
                                .update(u -> u.tableName("items")
                                        .key(Map.of("pk", n("5")))
                                        .updateExpression("SET v = :v")
                                        .expressionAttributeValues(Map.of(":v", s("x"))))
                                .build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons())
                            .extracting(CancellationReason::code)
                            .containsExactly("None", "ValidationError", "ValidationError", "ValidationError");
                    assertThat(e.cancellationReasons())
                            .extracting(CancellationReason::message)
                            .containsExactly(
                                    null,
                                    "One or more parameter values were invalid: Type mismatch for key pk expected: S"
                                            + " actual: L",
                                    "The provided key element does not match the schema",
                                    "The provided key element does not match the schema");
                });
        assertThat(client.scan(b -> b.tableName("items")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anEmptyKeyValueRejectsTheTransactionBeforeItRuns(Transport transport) {
        open(transport);
        createTable("items", null);
        String message = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
                + " contain an empty string value. Key: pk";
        assertThatThrownBy(() -> client.transactWriteItems(
                        b -> b.transactItems(putOf("items", item("pk", "fine")), putOf("items", item("pk", "")))))
                .isNotInstanceOf(TransactionCanceledException.class)
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith(message);
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .delete(d -> d.tableName("items").key(item("pk", "")))
                        .build())))
                .isNotInstanceOf(TransactionCanceledException.class)
                .hasMessageStartingWith(message);
        assertThat(client.scan(b -> b.tableName("items")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTransactionalReadReportsAKeyThatDoesNotFitTheTableAsACancellationReason(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a")));
        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(
                        t -> t.get(g -> g.tableName("items").key(item("pk", "a"))),
                        t -> t.get(g -> g.tableName("items").key(Map.of("pk", AttributeValue.fromM(Map.of())))),
                        t -> t.get(g -> g.tableName("items").key(item("pk", ""))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("Transaction cancelled, please refer cancellation reasons for specific"
                                    + " reasons [None, ValidationError, ValidationError]");
                    assertThat(e.cancellationReasons())
                            .extracting(CancellationReason::message)
                            .containsExactly(
                                    null,
                                    "The provided key element does not match the schema",
                                    "One or more parameter values are not valid. The AttributeValue for a key"
                                            + " attribute cannot contain an empty string value. Key: pk");
                });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTransactionalReadOfOneItemTwiceIsRejected(Transport transport) {
        open(transport);
        createTable("items", null);
        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(
                        t -> t.get(g -> g.tableName("items").key(item("pk", "a"))),
                        t -> t.get(g -> g.tableName("items").key(item("pk", "a"))))))
                .isInstanceOf(DynamoDbException.class)
                .isNotInstanceOf(TransactionCanceledException.class)
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }
}
