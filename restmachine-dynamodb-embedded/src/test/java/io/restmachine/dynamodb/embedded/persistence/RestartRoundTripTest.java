package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Every kind of change survives a restart, both from a snapshot (clean close) and from the log (crash). */
class RestartRoundTripTest extends PersistenceTest {

    @ParameterizedTest
    @EnumSource(Restart.class)
    void putItem_survivesRestart_withEveryAttributeType(Restart restart) {
        Map<String, AttributeValue> stored = item(
                "pk", "all-types",
                "s", "héllo, wörld",
                "empty", "",
                "n", n("-12345678901234567890.123456789012345678"),
                "tiny", n("1E-130"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, 7})),
                "bool", AttributeValue.fromBool(true),
                "null", AttributeValue.fromNul(true),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y"))),
                "l", AttributeValue.fromL(List.of(s("one"), n("2"), AttributeValue.fromL(List.of()))),
                "m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("deep", s("value"))))));
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        client.putItem(b -> b.tableName("things").item(stored));
        Map<String, AttributeValue> before = get(client, "things", key("all-types"));

        DynamoDbClient reopened = open(stop(db, dataDir(), restart)).client();

        Map<String, AttributeValue> after = get(reopened, "things", key("all-types"));
        assertThat(withSortedSets(after)).isEqualTo(withSortedSets(before));
        assertThat(after.keySet()).isEqualTo(stored.keySet());
    }

    /** Sets have no order; sorts their members so that items compare by value. */
    private static Map<String, AttributeValue> withSortedSets(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> sorted = new java.util.TreeMap<>(item);
        sorted.computeIfPresent(
                "ss", (k, v) -> AttributeValue.fromSs(v.ss().stream().sorted().toList()));
        sorted.computeIfPresent(
                "ns", (k, v) -> AttributeValue.fromNs(v.ns().stream().sorted().toList()));
        sorted.computeIfPresent(
                "bs",
                (k, v) -> AttributeValue.fromBs(v.bs().stream()
                        .sorted(java.util.Comparator.comparing(SdkBytes::asUtf8String))
                        .toList()));
        return sorted;
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void updateAndDelete_surviveRestart_asTheirLatestState(Restart restart) {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        client.putItem(b -> b.tableName("things").item(item("pk", "counter", "count", 1, "note", "x")));
        client.putItem(b -> b.tableName("things").item(item("pk", "doomed", "v", 1)));
        for (int i = 0; i < 5; i++) {
            client.updateItem(b -> b.tableName("things")
                    .key(key("counter"))
                    .updateExpression("ADD #c :one REMOVE note SET tags = list_append(if_not_exists(tags, :e), :t)")
                    .expressionAttributeNames(Map.of("#c", "count"))
                    .expressionAttributeValues(Map.of(
                            ":one", n("1"),
                            ":e", AttributeValue.fromL(List.of()),
                            ":t", AttributeValue.fromL(List.of(s("t"))))));
        }
        client.deleteItem(b -> b.tableName("things").key(key("doomed")));

        DynamoDbClient reopened = open(stop(db, dataDir(), restart)).client();

        Map<String, AttributeValue> counter = get(reopened, "things", key("counter"));
        assertThat(counter.get("count").n()).isEqualTo("6");
        assertThat(counter).doesNotContainKey("note");
        assertThat(counter.get("tags").l()).hasSize(5);
        assertThat(get(reopened, "things", key("doomed"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void batchWrite_survivesRestart_acrossTables(Restart restart) {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "left", null);
        createTable(client, "right", null);
        client.putItem(b -> b.tableName("right").item(item("pk", "old")));
        client.batchWriteItem(b -> b.requestItems(Map.of(
                "left",
                List.of(
                        WriteRequest.builder()
                                .putRequest(p -> p.item(item("pk", "l1", "v", 1)))
                                .build(),
                        WriteRequest.builder()
                                .putRequest(p -> p.item(item("pk", "l2", "v", 2)))
                                .build()),
                "right",
                List.of(
                        WriteRequest.builder()
                                .putRequest(p -> p.item(item("pk", "r1")))
                                .build(),
                        WriteRequest.builder()
                                .deleteRequest(d -> d.key(key("old")))
                                .build()))));

        DynamoDbClient reopened = open(stop(db, dataDir(), restart)).client();

        assertThat(pks(reopened, "left")).containsExactlyInAnyOrder("l1", "l2");
        assertThat(pks(reopened, "right")).containsExactly("r1");
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void transaction_survivesRestart_withAllItsWrites(Restart restart) {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "accounts", null);
        client.putItem(b -> b.tableName("accounts").item(item("pk", "alice", "balance", 100)));
        client.putItem(b -> b.tableName("accounts").item(item("pk", "bob", "balance", 0)));
        client.putItem(b -> b.tableName("accounts").item(item("pk", "closed")));
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .update(u -> u.tableName("accounts")
                                .key(key("alice"))
                                .updateExpression("SET balance = balance - :x")
                                .conditionExpression("balance >= :x")
                                .expressionAttributeValues(Map.of(":x", n("30"))))
                        .build(),
                TransactWriteItem.builder()
                        .update(u -> u.tableName("accounts")
                                .key(key("bob"))
                                .updateExpression("SET balance = balance + :x")
                                .expressionAttributeValues(Map.of(":x", n("30"))))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName("accounts").item(item("pk", "audit", "moved", 30)))
                        .build(),
                TransactWriteItem.builder()
                        .delete(d -> d.tableName("accounts").key(key("closed")))
                        .build()));

        DynamoDbClient reopened = open(stop(db, dataDir(), restart)).client();

        assertThat(get(reopened, "accounts", key("alice")).get("balance").n()).isEqualTo("70");
        assertThat(get(reopened, "accounts", key("bob")).get("balance").n()).isEqualTo("30");
        assertThat(get(reopened, "accounts", key("audit")).get("moved").n()).isEqualTo("30");
        assertThat(get(reopened, "accounts", key("closed"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void indexes_answerQueriesAfterRestart_includingSparseAndMovedEntries(Restart restart) {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTableWithIndexes(client);
        client.putItem(b -> b.tableName("orders").item(item("pk", "c1", "sk", "o1", "status", "open", "total", 10)));
        client.putItem(b -> b.tableName("orders").item(item("pk", "c1", "sk", "o2", "status", "open", "total", 5)));
        client.putItem(b -> b.tableName("orders").item(item("pk", "c2", "sk", "o3", "total", 7)));
        // Moves o2 from "open" to "shipped" in the global index.
        client.updateItem(b -> b.tableName("orders")
                .key(Map.of("pk", s("c1"), "sk", s("o2")))
                .updateExpression("SET #s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("shipped"))));

        DynamoDbClient reopened = open(stop(db, dataDir(), restart)).client();

        assertThat(queryIndex(reopened, "byStatus", "status", "open")).containsExactly("o1");
        assertThat(queryIndex(reopened, "byStatus", "status", "shipped")).containsExactly("o2");
        assertThat(reopened.scan(b -> b.tableName("orders").indexName("byStatus"))
                        .count())
                .as("o3 has no status, so the sparse index leaves it out")
                .isEqualTo(2);
        assertThat(reopened.query(b -> b.tableName("orders")
                                .indexName("byTotal")
                                .keyConditionExpression("pk = :p")
                                .expressionAttributeValues(Map.of(":p", s("c1"))))
                        .items())
                .extracting(i -> i.get("sk").s())
                .containsExactly("o2", "o1");
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void updateTable_survivesRestart_withAddedIndexBackfilledAndRemovedIndexGone(Restart restart) {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTableWithIndexes(client);
        client.putItem(b -> b.tableName("orders").item(item("pk", "c1", "sk", "o1", "status", "open", "region", "eu")));
        client.updateTable(b -> b.tableName("orders")
                .attributeDefinitions(a -> a.attributeName("region").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byRegion")
                        .keySchema(k -> k.attributeName("region").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
        // DynamoDB creates or deletes one index per UpdateTable.
        client.updateTable(
                b -> b.tableName("orders").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byStatus"))));
        client.putItem(b -> b.tableName("orders").item(item("pk", "c2", "sk", "o2", "region", "eu")));

        DynamoDbClient reopened = open(stop(db, dataDir(), restart)).client();

        TableDescription table =
                reopened.describeTable(b -> b.tableName("orders")).table();
        assertThat(table.globalSecondaryIndexes())
                .extracting(i -> i.indexName())
                .containsExactly("byRegion");
        assertThat(queryIndex(reopened, "byRegion", "region", "eu")).containsExactlyInAnyOrder("o1", "o2");
        assertThatThrownBy(() -> queryIndex(reopened, "byStatus", "status", "open"))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("byStatus");
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void deleteTable_survivesRestart_andARecreatedTableOfThatNameStartsEmpty(Restart restart) {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        client.putItem(b -> b.tableName("things").item(item("pk", "from-the-first-table")));
        createTable(client, "gone", null);
        client.putItem(b -> b.tableName("gone").item(item("pk", "x")));
        client.deleteTable(b -> b.tableName("things"));
        client.deleteTable(b -> b.tableName("gone"));
        createTable(client, "things", "N");
        client.putItem(b -> b.tableName("things").item(item("pk", "second", "sk", 1)));

        DynamoDbClient reopened = open(stop(db, dataDir(), restart)).client();

        assertThat(reopened.listTables().tableNames()).containsExactly("things");
        assertThat(reopened.describeTable(b -> b.tableName("things")).table().keySchema())
                .hasSize(2);
        assertThat(pks(reopened, "things")).containsExactly("second");
        assertThatThrownBy(() -> reopened.describeTable(b -> b.tableName("gone")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void tableSettings_surviveRestart_throughputAndTimeToLive(Restart restart) {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "sessions", null);
        String tableId =
                client.describeTable(b -> b.tableName("sessions")).table().tableId();
        client.updateTable(b -> b.tableName("sessions")
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(7L).writeCapacityUnits(3L)));
        client.updateTimeToLive(b -> b.tableName("sessions")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));

        DynamoDbClient reopened = open(stop(db, dataDir(), restart)).client();

        TableDescription table =
                reopened.describeTable(b -> b.tableName("sessions")).table();
        assertThat(table.tableId()).isEqualTo(tableId);
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        assertThat(reopened.describeTimeToLive(b -> b.tableName("sessions"))
                        .timeToLiveDescription()
                        .timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void timeToLive_expiresRecoveredItems_andTheExpiryItselfIsDurable(Restart restart) {
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        long now = clock.instant().getEpochSecond();
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "sessions", null);
        client.updateTimeToLive(b -> b.tableName("sessions")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        client.putItem(b -> b.tableName("sessions").item(item("pk", "stale", "expires", now - 10)));
        client.putItem(b -> b.tableName("sessions").item(item("pk", "fresh", "expires", now + 100)));
        Path dir = stop(db, dataDir(), restart);

        EmbeddedDynamoDB recovered =
                open(EmbeddedDynamoDB.builder().persistent(dir).clock(clock).expiryInterval(Duration.ZERO));
        assertThat(recovered.expireNow()).isEqualTo(1);
        Path afterExpiry = stop(recovered, dir, restart);

        DynamoDbClient reopened = open(afterExpiry).client();
        assertThat(pks(reopened, "sessions")).containsExactly("fresh");
    }

    @Test
    void recoveryReport_ofAFreshDirectory_isCleanAndEmpty() {
        EmbeddedDynamoDB db = open(dataDir());

        RecoveryReport report = db.recoveryReport().orElseThrow();

        assertThat(report.clean()).isTrue();
        assertThat(report.tornTail()).isEmpty();
        assertThat(report.snapshotLoaded()).isFalse();
        assertThat(report.tables()).isZero();
        assertThat(report.directory()).isEqualTo(dataDir().toAbsolutePath());
    }

    @Test
    void recoveryReport_afterCleanClose_countsTheSnapshotsTablesAndItems() {
        EmbeddedDynamoDB db = open(dataDir());
        createTable(db.client(), "things", null);
        for (int i = 0; i < 3; i++) {
            int n = i;
            db.client().putItem(b -> b.tableName("things").item(item("pk", "k" + n)));
        }
        db.close();

        RecoveryReport report = open(dataDir()).recoveryReport().orElseThrow();

        assertThat(report.snapshotLoaded()).isTrue();
        assertThat(report.recordsReplayed()).isZero();
        assertThat(report.tables()).isEqualTo(1);
        assertThat(report.items()).isEqualTo(3);
        assertThat(report.clean()).isTrue();
    }

    @Test
    void recoveryReport_ofAnInMemoryEngine_isEmpty() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            assertThat(db.recoveryReport()).isEmpty();
        }
    }

    @Test
    void open_whileAnotherEngineHasTheDirectory_refusesNamingTheLockAndTheWayOut() {
        open(dataDir());

        assertThatThrownBy(() -> open(dataDir()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is in use by another running EmbeddedDynamoDB")
                .hasMessageContaining(dataDir().toAbsolutePath().resolve("lock").toString())
                .hasMessageContaining("Close that engine first, or open a different directory");
    }

    @Test
    void open_afterTheOtherEngineClosed_succeeds() {
        open(dataDir()).close();

        assertThat(open(dataDir()).recoveryReport()).isPresent();
    }

    @Test
    void writes_afterClose_areRefused() {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        db.close();

        assertThatThrownBy(db::client).isInstanceOf(IllegalStateException.class);
    }

    private static void createTableWithIndexes(DynamoDbClient client) {
        client.createTable(b -> b.tableName("orders")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("status").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("total").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("byStatus")
                        .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .localSecondaryIndexes(l -> l.indexName("byTotal")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("total")
                                .keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    }

    private static List<String> queryIndex(DynamoDbClient client, String index, String attribute, String value) {
        return client
                .query(b -> b.tableName("orders")
                        .indexName(index)
                        .keyConditionExpression("#a = :v")
                        .expressionAttributeNames(Map.of("#a", attribute))
                        .expressionAttributeValues(Map.of(":v", s(value))))
                .items()
                .stream()
                .map(i -> i.get("sk").s())
                .toList();
    }

    static List<String> pks(DynamoDbClient client, String table) {
        return client.scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                .map(i -> i.get("pk").s())
                .toList();
    }
}
