package io.restmachine.orm.dynamodb.internal;

import static io.restmachine.orm.ItemValue.n;
import static io.restmachine.orm.ItemValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Ttl;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.dynamodb.Peers;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.EntitySchema;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.ReadPage;
import io.restmachine.orm.spi.ReadRequest;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.TransactionCanceledByStoreException;
import io.restmachine.orm.spi.TxWrite;
import io.restmachine.orm.spi.WriteRejectedByStoreException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code Store} over the SDK, against a real DynamoDB-compatible server. Subclasses say which
 * server and what it lacks.
 */
abstract class StoreContract {
    static final ItemLayout LAYOUT = ItemLayout.defaults();
    /** The behaviour of {@link #batchWrite_withOneInvalidItem_failsExactlyThatItem_andWritesTheRest}. */
    static final String EMPTY_SET_IN_A_BATCH = "BatchWriteItem of an item with an empty string set";

    /** A model whose schema declares one GSI with sort key and a TTL attribute. */
    record Account(String id, String email, @Ttl Instant expiresAt) {}

    DynamoDbClient client;
    String table;
    DynamoDbStore store;
    TableAdmin admin;

    abstract DynamoDbClient newClient();

    abstract String serverName();

    // What the server implements: as DynamoDB does, unless a subclass says otherwise.

    /** Whether the server implements TransactWriteItems and TransactGetItems. */
    boolean supportsTransactions() {
        return true;
    }

    /** Whether the server implements UpdateTimeToLive and DescribeTimeToLive. */
    boolean supportsTimeToLive() {
        return true;
    }

    /** Whether UpdateTable can add a global secondary index to an existing table. */
    boolean supportsAddingIndexes() {
        return true;
    }

    /**
     * Where this server answers differently from today's DynamoDB (behaviour to reason, with a
     * public source): the tests of those behaviours are skipped on it. docs/conformance.md lists them.
     */
    Map<String, String> differencesFromDynamoDB() {
        return Map.of();
    }

    @BeforeEach
    void createTable() {
        client = newClient();
        table = Peers.uniqueTableName("store");
        store = new DynamoDbStore(client, table, new BatchSettings(10, Duration.ofMillis(1), Duration.ofMillis(20), 4));
        admin = new TableAdmin(client, table, LAYOUT, store.errors());
        admin.create(List.of(new EntitySchema(
                "Account", Account.class, List.of(new EntitySchema.IndexSchema("ByEmail", true)), "expiresAt")));
    }

    @AfterEach
    void dropTable() {
        admin.delete();
        store.close();
        client.close();
    }

    static Map<String, ItemValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static StoreItem item(String pk, String sk, Object... attributes) {
        Map<String, ItemValue> item = new HashMap<>(key(pk, sk));
        for (int i = 0; i < attributes.length; i += 2) {
            item.put((String) attributes[i], (ItemValue) attributes[i + 1]);
        }
        return StoreItem.neutral(item);
    }

    static Expr expr(String text, Map<String, String> names, Map<String, ItemValue> values) {
        return new Expr(text, names, values);
    }

    @Test
    void put_thenGet_roundTripsEveryAttributeTypeExactly() {
        StoreItem stored = item(
                "T#1",
                "ALL",
                "s",
                s("h\u00e9llo \uD83D\uDE00"),
                "n",
                n(new BigDecimal("12345678901234567890.123456789012345678")),
                "negative",
                n(new BigDecimal("-0.000000000000000000000000000001")),
                "b",
                new ItemValue.B(new byte[] {0, 1, (byte) 0xff}),
                "t",
                new ItemValue.Bool(true),
                "nul",
                new ItemValue.Null(),
                "ss",
                new ItemValue.SS(Set.of("a", "b")),
                "ns",
                new ItemValue.NS(Set.of(new ItemValue.N(BigDecimal.ONE), new ItemValue.N(new BigDecimal("2.5")))),
                "bs",
                new ItemValue.BS(Set.of(new ItemValue.B(new byte[] {1}), new ItemValue.B(new byte[] {2, 3}))),
                "l",
                new ItemValue.L(List.of(s("x"), n(1), new ItemValue.L(List.of()))),
                "m",
                new ItemValue.M(
                        Map.of("inner", new ItemValue.M(Map.of("deep", s("y"))), "empty", new ItemValue.M(Map.of()))));
        store.put(stored, null);

        assertThat(store.get(key("T#1", "ALL"), true, null)).contains(stored);
    }

    @Test
    void get_whenNoItem_isEmpty() {
        assertThat(store.get(key("nope", "nope"), false, null)).isEmpty();
    }

    @Test
    void get_withProjection_returnsOnlyProjectedAttributes() {
        store.put(item("P#1", "X", "name", s("n"), "size", n(3)), null);

        Optional<StoreItem> got =
                store.get(key("P#1", "X"), false, expr("#a, #b", Map.of("#a", "name", "#b", "size"), Map.of()));

        assertThat(got).contains(StoreItem.neutral(Map.of("name", s("n"), "size", n(3))));
    }

    @Test
    void put_whenConditionFails_throwsConditionCheckFailedWithTheStoredItem() {
        StoreItem first = item("U#1", "PROFILE", "name", s("Alice"));
        Expr notExists = expr("attribute_not_exists(#pk)", Map.of("#pk", "pk"), Map.of());
        store.put(first, notExists);

        assertThatThrownBy(() -> store.put(item("U#1", "PROFILE", "name", s("Bob")), notExists))
                .isInstanceOfSatisfying(WriteRejectedByStoreException.class, e -> {
                    assertThat(e.getCause()).isNotNull();
                    if (e.existingItem() != null) {
                        assertThat(e.existingItem()).isEqualTo(first);
                    }
                });
        assertThat(store.get(key("U#1", "PROFILE"), true, null)).contains(first);
    }

    @Test
    void update_returnsTheNewItem_andAppliesEveryClause() {
        store.put(item("U#2", "PROFILE", "name", s("Alice"), "logins", n(1), "nick", s("al")), null);

        StoreItem after = store.update(
                key("U#2", "PROFILE"),
                expr(
                        "SET #name = :name ADD #logins :one REMOVE #nick",
                        Map.of("#name", "name", "#logins", "logins", "#nick", "nick"),
                        Map.of(":name", s("Bob"), ":one", n(1))),
                expr("attribute_exists(#pk)", Map.of("#pk", "pk"), Map.of()));

        assertThat(after).isEqualTo(item("U#2", "PROFILE", "name", s("Bob"), "logins", n(2)));
    }

    @Test
    void update_whenConditionFails_throwsConditionCheckFailed_andWritesNothing() {
        assertThatThrownBy(() -> store.update(
                        key("U#3", "PROFILE"),
                        expr("SET #v = :v", Map.of("#v", "v"), Map.of(":v", n(1))),
                        expr("attribute_exists(#pk)", Map.of("#pk", "pk"), Map.of())))
                .isInstanceOf(WriteRejectedByStoreException.class)
                .satisfies(e -> assertThat(((WriteRejectedByStoreException) e).existingItem())
                        .isNull());
        assertThat(store.get(key("U#3", "PROFILE"), true, null)).isEmpty();
    }

    @Test
    void delete_returnsTheOldItem_orEmptyWhenThereWasNone() {
        StoreItem stored = item("D#1", "X", "a", s("b"));
        store.put(stored, null);

        assertThat(store.delete(key("D#1", "X"), null)).contains(stored);
        assertThat(store.delete(key("D#1", "X"), null)).isEmpty();
    }

    @Test
    void delete_withStaleVersion_throwsConditionCheckFailed_andKeepsTheItem() {
        StoreItem stored = item("D#2", "X", "version", n(2));
        store.put(stored, null);

        assertThatThrownBy(() ->
                        store.delete(key("D#2", "X"), expr("#v = :v", Map.of("#v", "version"), Map.of(":v", n(1)))))
                .isInstanceOf(WriteRejectedByStoreException.class);
        assertThat(store.get(key("D#2", "X"), true, null)).contains(stored);
    }

    @Test
    void reservedWordsAndOddCharacters_inAttributeNames_workThroughPlaceholders() {
        StoreItem stored = item(
                "R#1", "X", "name", s("a"), "size", n(1), "status", s("ok"), "odd name.with-dots#and:colons", s("z"));
        store.put(stored, expr("attribute_not_exists(#k)", Map.of("#k", "pk"), Map.of()));
        StoreItem after = store.update(
                key("R#1", "X"),
                expr(
                        "SET #o = :o, #s = :s",
                        Map.of("#o", "odd name.with-dots#and:colons", "#s", "status"),
                        Map.of(":o", s("zz"), ":s", s("done"))),
                null);

        assertThat(after.toMap())
                .containsEntry("odd name.with-dots#and:colons", s("zz"))
                .containsEntry("status", s("done"));
    }

    @Test
    void placeholdersBoundTwiceToDifferentNames_inOneRequest_areRejectedAsABug() {
        assertThatThrownBy(() -> store.update(
                        key("X", "Y"),
                        expr("SET #a = :a", Map.of("#a", "one"), Map.of(":a", n(1))),
                        expr("attribute_exists(#a)", Map.of("#a", "two"), Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("#a");
    }

    @Test
    void query_withKeyConditionFilterLimitAndDescending_readsOnePage() {
        for (int i = 0; i < 10; i++) {
            store.put(item("Q#1", "TODO#" + i, "n", n(i), "entity_type", s(i % 2 == 0 ? "Todo" : "Other")), null);
        }
        store.put(item("Q#2", "TODO#0", "n", n(0), "entity_type", s("Todo")), null);
        Expr keyCondition = expr(
                "#pk = :pk AND begins_with(#sk, :prefix)",
                Map.of("#pk", "pk", "#sk", "sk"),
                Map.of(":pk", s("Q#1"), ":prefix", s("TODO#")));
        Expr filter = expr("#et = :et", Map.of("#et", "entity_type"), Map.of(":et", s("Todo")));

        ReadPage first = store.read(new ReadRequest(null, keyCondition, filter, null, false, true, 4, null, false));

        assertThat(first.items()).extracting(i -> i.get("sk")).containsExactly(s("TODO#8"), s("TODO#6"));
        assertThat(first.scannedCount()).isEqualTo(4);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.lastEvaluatedKey()).isEqualTo(key("Q#1", "TODO#6"));

        ReadPage rest = store.read(
                new ReadRequest(null, keyCondition, filter, null, false, true, null, first.lastEvaluatedKey(), false));
        assertThat(rest.items()).extracting(i -> i.get("sk")).containsExactly(s("TODO#4"), s("TODO#2"), s("TODO#0"));
        assertThat(rest.lastEvaluatedKey()).isNull();
    }

    @Test
    void query_countOnly_returnsCountsAndNoItems() {
        for (int i = 0; i < 5; i++) {
            store.put(item("C#1", "S#" + i, "n", n(i)), null);
        }
        ReadPage page = store.read(new ReadRequest(
                null,
                expr("#pk = :pk", Map.of("#pk", "pk"), Map.of(":pk", s("C#1"))),
                expr("#n >= :two", Map.of("#n", "n"), Map.of(":two", n(2))),
                null,
                true,
                false,
                null,
                null,
                true));

        assertThat(page.items()).isEmpty();
        assertThat(page.count()).isEqualTo(3);
        assertThat(page.scannedCount()).isEqualTo(5);
    }

    @Test
    void query_onAGlobalSecondaryIndex_findsItemsByTheIndexKey() {
        store.put(item("U#9", "PROFILE", "gsi_pk_ByEmail", s("EMAIL#a@x"), "gsi_sk_ByEmail", s("U#9")), null);
        store.put(item("U#8", "PROFILE", "gsi_pk_ByEmail", s("EMAIL#b@x"), "gsi_sk_ByEmail", s("U#8")), null);

        ReadPage page = store.read(new ReadRequest(
                "ByEmail",
                expr("#g = :g", Map.of("#g", "gsi_pk_ByEmail"), Map.of(":g", s("EMAIL#a@x"))),
                null,
                expr("#pk", Map.of("#pk", "pk"), Map.of()),
                true,
                false,
                null,
                null,
                false));

        assertThat(page.items()).containsExactly(StoreItem.neutral(Map.of("pk", s("U#9"))));
    }

    @Test
    void scan_withFilter_readsTheWholeTable() {
        for (int i = 0; i < 7; i++) {
            store.put(item("S#" + i, "X", "n", n(i)), null);
        }
        List<StoreItem> found = new ArrayList<>();
        Map<String, ItemValue> start = null;
        do {
            ReadPage page = store.read(new ReadRequest(
                    null,
                    null,
                    expr("#n < :three", Map.of("#n", "n"), Map.of(":three", n(3))),
                    null,
                    true,
                    false,
                    2,
                    start,
                    false));
            found.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start != null);

        assertThat(found).extracting(i -> i.get("pk")).containsExactlyInAnyOrder(s("S#0"), s("S#1"), s("S#2"));
    }

    @Test
    void batchWrite_inManyChunks_writesEveryItem_andDeletes() {
        List<BatchWrite> writes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            writes.add(
                    new BatchWrite.Put(item("B#" + (i % 3), "ITEM#" + i, "n", n(i)), key("B#" + (i % 3), "ITEM#" + i)));
        }
        BatchWriteOutcome outcome = store.batchWrite(writes);

        assertThat(outcome.failed()).isEmpty();
        assertThat(outcome.written())
                .containsExactlyElementsOf(IntStream.range(0, 120).boxed().toList());
        assertThat(store.read(countOf("B#1")).count()).isEqualTo(40);

        List<BatchWrite> deletes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            deletes.add(new BatchWrite.Delete(key("B#" + (i % 3), "ITEM#" + i)));
        }
        assertThat(store.batchWrite(deletes).failed()).isEmpty();
        assertThat(store.read(countOf("B#1")).count()).isEqualTo(20);
    }

    @Test
    void batchWrite_withTheSameKeyTwice_keepsTheLaterWrite_andReportsBothWritten() {
        BatchWriteOutcome outcome = store.batchWrite(List.of(
                new BatchWrite.Put(item("K#1", "X", "v", s("first")), key("K#1", "X")),
                new BatchWrite.Put(item("K#2", "X", "v", s("other")), key("K#2", "X")),
                new BatchWrite.Put(item("K#1", "X", "v", s("second")), key("K#1", "X"))));

        assertThat(outcome.written()).containsExactly(0, 1, 2);
        assertThat(store.get(key("K#1", "X"), true, null)).contains(item("K#1", "X", "v", s("second")));
    }

    @Test
    void batchWrite_withOneInvalidItem_failsExactlyThatItem_andWritesTheRest() {
        Peers.skipWhereDifferent(serverName(), EMPTY_SET_IN_A_BATCH, differencesFromDynamoDB());
        List<BatchWrite> writes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // An empty string set is invalid in DynamoDB: the service rejects the whole chunk.
            ItemValue value = i == 7 ? new ItemValue.SS(Set.of()) : s("ok");
            writes.add(new BatchWrite.Put(item("V#1", "ITEM#" + i, "v", value), key("V#1", "ITEM#" + i)));
        }
        BatchWriteOutcome outcome = store.batchWrite(writes);

        assertThat(outcome.failed())
                .extracting(BatchWriteOutcome.Failure::index)
                .containsExactly(7);
        assertThat(outcome.failed().get(0).reason()).contains("rejected");
        assertThat(outcome.written()).hasSize(29).doesNotContain(7);
        assertThat(store.read(countOf("V#1")).count()).isEqualTo(29);
    }

    @Test
    void batchGet_ofManyKeysWithDuplicatesAndMissing_returnsEachStoredItemOnce() {
        List<BatchWrite> writes = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            writes.add(new BatchWrite.Put(item("G#1", "ITEM#" + i, "n", n(i)), key("G#1", "ITEM#" + i)));
        }
        assertThat(store.batchWrite(writes).failed()).isEmpty();
        List<Map<String, ItemValue>> keys = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            keys.add(key("G#1", "ITEM#" + i));
        }
        keys.add(key("G#1", "ITEM#3"));

        List<StoreItem> got = store.batchGet(keys, true, null);

        assertThat(got).hasSize(230);
        assertThat(got)
                .extracting(i -> i.get("n"))
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 230).mapToObj(i -> n(i)).toList());
    }

    @Test
    void batchGet_withProjection_returnsOnlyThoseAttributes() {
        store.put(item("G#2", "A", "name", s("x"), "other", s("y")), null);

        assertThat(store.batchGet(
                        List.of(key("G#2", "A")),
                        false,
                        expr("#pk, #sk, #n", Map.of("#pk", "pk", "#sk", "sk", "#n", "name"), Map.of())))
                .containsExactly(item("G#2", "A", "name", s("x")));
    }

    @Test
    void everyOperation_onAMissingTable_throwsBackendExceptionNamingTheTableAndTheFix() {
        try (DynamoDbStore missing = new DynamoDbStore(client, "no-such-table", BatchSettings.defaults())) {
            assertThatThrownBy(() -> missing.get(key("a", "b"), false, null))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("'no-such-table'")
                    .hasMessageContaining("backend.createTable()")
                    .hasCauseInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
            assertThatThrownBy(() -> missing.batchWrite(List.of(new BatchWrite.Delete(key("a", "b")))))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("backend.createTable()");
            assertThatThrownBy(() -> missing.batchGet(List.of(key("a", "b")), false, null))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("backend.createTable()");
        }
    }

    @Test
    void aRequestTheServiceRejects_throwsValidationException_withTheCause() {
        assertThatThrownBy(() -> store.put(StoreItem.neutral(Map.of("pk", s("only-pk"))), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("PutItem")
                .hasCauseInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
    }

    @Test
    void transactWrite_appliesAllActions_orNoneWithOneReasonPerAction() {
        Peers.skipUnless(supportsTransactions(), serverName(), "TransactWriteItems");
        store.put(item("TX#1", "A", "v", n(1)), null);
        store.put(item("TX#1", "GONE", "v", n(1)), null);
        store.put(item("TX#1", "KEEP", "v", n(1)), null);

        store.transactWrite(
                List.of(
                        new TxWrite.Put(
                                item("TX#1", "B", "v", n(2)),
                                expr("attribute_not_exists(#pk)", Map.of("#pk", "pk"), Map.of())),
                        new TxWrite.Update(
                                key("TX#1", "A"), expr("SET #v = :v", Map.of("#v", "v"), Map.of(":v", n(5))), null),
                        new TxWrite.Delete(key("TX#1", "GONE"), null),
                        new TxWrite.Check(
                                key("TX#1", "KEEP"), expr("attribute_exists(#pk)", Map.of("#pk", "pk"), Map.of()))),
                "token-1");
        assertThat(store.transactGet(List.of(key("TX#1", "A"), key("TX#1", "B"), key("TX#1", "GONE"))))
                .containsExactly(
                        Optional.of(item("TX#1", "A", "v", n(5))),
                        Optional.of(item("TX#1", "B", "v", n(2))),
                        Optional.empty());

        assertThatThrownBy(() -> store.transactWrite(
                        List.of(
                                new TxWrite.Put(item("TX#1", "C", "v", n(1)), null),
                                new TxWrite.Put(
                                        item("TX#1", "B", "v", n(9)),
                                        expr("attribute_not_exists(#pk)", Map.of("#pk", "pk"), Map.of()))),
                        "token-2"))
                .isInstanceOfSatisfying(TransactionCanceledByStoreException.class, e -> {
                    assertThat(e.reasons())
                            .extracting(TransactionCanceledByStoreException.Reason::code)
                            .containsExactly("None", "ConditionalCheckFailed");
                    assertThat(e.reasons().get(1).item()).isEqualTo(item("TX#1", "B", "v", n(2)));
                });
        assertThat(store.get(key("TX#1", "C"), true, null)).isEmpty();
    }

    @Test
    void createTable_declaresTheLayoutKeysAndEveryIndex_andDescribesAsTheSeedSchema() {
        String json = admin.describe().toString();

        assertThat(json)
                .isEqualTo(
                        """
                {
                    "TableName": "%s",
                    "KeySchema": [
                        {"AttributeName": "pk", "KeyType": "HASH"},
                        {"AttributeName": "sk", "KeyType": "RANGE"}
                    ],
                    "AttributeDefinitions": [
                        {"AttributeName": "pk", "AttributeType": "S"},
                        {"AttributeName": "sk", "AttributeType": "S"},
                        {"AttributeName": "gsi_pk_ByEmail", "AttributeType": "S"},
                        {"AttributeName": "gsi_sk_ByEmail", "AttributeType": "S"}
                    ],
                    "GlobalSecondaryIndexes": [
                        {
                            "IndexName": "ByEmail",
                            "KeySchema": [
                                {"AttributeName": "gsi_pk_ByEmail", "KeyType": "HASH"},
                                {"AttributeName": "gsi_sk_ByEmail", "KeyType": "RANGE"}
                            ],
                            "Projection": {"ProjectionType": "ALL"}
                        }
                    ],
                    "BillingMode": "PAY_PER_REQUEST"
                }"""
                                .formatted(table));
    }

    @Test
    void createTable_again_isIdempotent_andAddsOnlyTheMissingIndexes() {
        EntitySchema account = new EntitySchema(
                "Account", Account.class, List.of(new EntitySchema.IndexSchema("ByEmail", true)), "expiresAt");
        EntitySchema order =
                new EntitySchema("Order", String.class, List.of(new EntitySchema.IndexSchema("ByStatus", false)));

        admin.create(List.of(account));
        if (!supportsAddingIndexes()) {
            assertThatThrownBy(() -> admin.create(List.of(account, order)))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("'ByStatus'")
                    .hasMessageContaining("backend.createTable()");
            Peers.skipUnless(false, serverName(), "adding an index to an existing table");
        }
        admin.create(List.of(account, order));

        assertThat(admin.describe().globalSecondaryIndexes())
                .extracting(i -> i.indexName() + ":" + i.keySchema().size() + ":" + i.status())
                .containsExactly("ByEmail:2:ACTIVE", "ByStatus:1:ACTIVE");
    }

    @Test
    void createTable_enablesTimeToLiveOnTheTtlAttribute() {
        Peers.skipUnless(supportsTimeToLive(), serverName(), "UpdateTimeToLive");

        assertThat(admin.describe().timeToLiveAttribute()).isEqualTo("expiresAt");
    }

    @Test
    void deleteTable_removesIt_andIsIdempotent() {
        admin.delete();
        admin.delete();

        assertThatThrownBy(() -> admin.describe())
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(table);
        admin.create(List.of());
    }

    private static ReadRequest countOf(String pk) {
        return new ReadRequest(
                null,
                expr("#pk = :pk", Map.of("#pk", "pk"), Map.of(":pk", s(pk))),
                null,
                null,
                true,
                true,
                null,
                null,
                true);
    }
}
