package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanTest extends EngineTest {

    private QueryResponse query(String expression, Map<String, AttributeValue> values) {
        return client.query(
                b -> b.tableName("items").keyConditionExpression(expression).expressionAttributeValues(values));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void query_ordersNumbersByValue(Transport transport) {
        open(transport);
        createTable("items", "N");
        for (String number : List.of("10", "-2.5", "2", "1e3", "0", "-100")) {
            client.putItem(b -> b.tableName("items").item(item("pk", "p", "sk", n(number))));
        }
        var items = query("pk = :p", Map.of(":p", s("p"))).items();
        assertThat(numbers(items, "sk")).containsExactly("-100", "-2.5", "0", "2", "10", "1000");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void query_ordersStringsByUtf8Bytes(Transport transport) {
        open(transport);
        createTable("items", "S");
        // U+FF5E sorts before U+1F600 in UTF-8 but after it in UTF-16.
        for (String value : List.of("b", "a", "\uD83D\uDE00", "\uFF5E", "B")) {
            client.putItem(b -> b.tableName("items").item(item("pk", "p", "sk", value)));
        }
        var items = query("pk = :p", Map.of(":p", s("p"))).items();
        assertThat(strings(items, "sk")).containsExactly("B", "a", "b", "\uFF5E", "\uD83D\uDE00");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void query_ordersBinaryAsUnsignedBytes(Transport transport) {
        open(transport);
        createTable("items", "B");
        for (int b : new int[] {0x80, 0x01, 0xff, 0x7f}) {
            client.putItem(r -> r.tableName("items")
                    .item(item("pk", "p", "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) b})))));
        }
        var items = query("pk = :p", Map.of(":p", s("p"))).items();
        assertThat(items)
                .extracting(i -> i.get("sk").b().asByteArray()[0] & 0xff)
                .containsExactly(0x01, 0x7f, 0x80, 0xff);
    }

    private void fillOrders() {
        createTable("items", "S");
        for (int i = 1; i <= 9; i++) {
            int n = i;
            client.putItem(b -> b.tableName("items")
                    .item(item("pk", "u1", "sk", "ORDER#" + n, "amount", n, "status", n % 2 == 0 ? "open" : "done")));
        }
        client.putItem(b -> b.tableName("items").item(item("pk", "u1", "sk", "PROFILE", "name", "Ann")));
        client.putItem(b -> b.tableName("items").item(item("pk", "u2", "sk", "ORDER#1", "amount", 1)));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void query_withSortKeyConditions_selectsTheRange(Transport transport) {
        open(transport);
        fillOrders();
        Map<String, AttributeValue> values = Map.of(":p", s("u1"), ":a", s("ORDER#3"), ":b", s("ORDER#5"));
        assertThat(strings(query("pk = :p AND sk BETWEEN :a AND :b", values).items(), "sk"))
                .containsExactly("ORDER#3", "ORDER#4", "ORDER#5");
        assertThat(strings(
                        query("pk = :p AND begins_with(sk, :o)", Map.of(":p", s("u1"), ":o", s("ORDER#")))
                                .items(),
                        "sk"))
                .hasSize(9);
        assertThat(strings(
                        query("pk = :p AND sk > :a", Map.of(":p", s("u1"), ":a", s("ORDER#8")))
                                .items(),
                        "sk"))
                .containsExactly("ORDER#9", "PROFILE");
        assertThat(strings(
                        query("pk = :p AND sk <= :a", Map.of(":p", s("u1"), ":a", s("ORDER#2")))
                                .items(),
                        "sk"))
                .containsExactly("ORDER#1", "ORDER#2");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void query_backwards_withLimit_pagesWithLastEvaluatedKey(Transport transport) {
        open(transport);
        fillOrders();
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> b.tableName("items")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("u1")))
                    .scanIndexForward(false)
                    .limit(4)
                    .exclusiveStartKey(from));
            seen.addAll(strings(page.items(), "sk"));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null && pages < 10);
        assertThat(seen)
                .containsExactly(
                        "PROFILE", "ORDER#9", "ORDER#8", "ORDER#7", "ORDER#6", "ORDER#5", "ORDER#4", "ORDER#3",
                        "ORDER#2", "ORDER#1");
        assertThat(pages).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void query_limitCountsItemsBeforeTheFilter(Transport transport) {
        open(transport);
        fillOrders();
        QueryResponse page = client.query(b -> b.tableName("items")
                .keyConditionExpression("pk = :p")
                .filterExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":p", s("u1"), ":open", s("open")))
                .limit(4));
        assertThat(page.scannedCount()).isEqualTo(4);
        assertThat(strings(page.items(), "sk")).containsExactly("ORDER#2", "ORDER#4");
        assertThat(page.lastEvaluatedKey()).isEqualTo(item("pk", "u1", "sk", "ORDER#4"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void query_selectCount_returnsOnlyCounts(Transport transport) {
        open(transport);
        fillOrders();
        QueryResponse page = client.query(b -> b.tableName("items")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("u1")))
                .select(Select.COUNT));
        assertThat(page.count()).isEqualTo(10);
        assertThat(page.hasItems()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void query_withoutPartitionKeyCondition_isRejected(Transport transport) {
        open(transport);
        fillOrders();
        assertThatThrownBy(() -> query("sk = :a", Map.of(":a", s("x"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Query condition missed key schema element: pk");
    }

    private void createIndexedTable() {
        client.createTable(b -> b.tableName("items")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("email").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("rank").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("byEmail")
                        .keySchema(k -> k.attributeName("email").keyType(KeyType.HASH))
                        .projection(
                                p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("name")))
                .localSecondaryIndexes(l -> l.indexName("byRank")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("rank")
                                .keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        client.putItem(b -> b.tableName("items")
                .item(item("pk", "u1", "sk", "A", "email", "a@x", "name", "Ann", "rank", 3, "secret", "s")));
        client.putItem(b -> b.tableName("items").item(item("pk", "u1", "sk", "B", "rank", 1, "name", "Bob")));
        client.putItem(b -> b.tableName("items").item(item("pk", "u1", "sk", "C", "name", "Cid")));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void globalIndex_isSparseAndProjectsOnlyItsAttributes(Transport transport) {
        open(transport);
        createIndexedTable();
        var items = client.query(b -> b.tableName("items")
                        .indexName("byEmail")
                        .keyConditionExpression("email = :e")
                        .expressionAttributeValues(Map.of(":e", s("a@x"))))
                .items();
        assertThat(items).containsExactly(item("pk", "u1", "sk", "A", "email", "a@x", "name", "Ann"));
        assertThat(client.scan(b -> b.tableName("items").indexName("byEmail")).count())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void globalIndexKey_thatIsAnEmptyString_isRejectedAndNothingIsWritten(Transport transport) {
        open(transport);
        createIndexedTable();
        assertThatThrownBy(
                        () -> client.putItem(b -> b.tableName("items").item(item("pk", "u9", "sk", "Z", "email", ""))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values are not valid. A value specified for a secondary"
                        + " index key is not supported. The AttributeValue for a key attribute cannot contain an empty"
                        + " string value. IndexName: byEmail, IndexKey: email");
        assertThat(client.getItem(b -> b.tableName("items").key(item("pk", "u9", "sk", "Z")))
                        .hasItem())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void localIndex_ordersBySortKey_andFetchesAllAttributesWhenAsked(Transport transport) {
        open(transport);
        createIndexedTable();
        var keysOnly = client.query(b -> b.tableName("items")
                        .indexName("byRank")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("u1"))))
                .items();
        assertThat(keysOnly)
                .containsExactly(item("pk", "u1", "sk", "B", "rank", 1), item("pk", "u1", "sk", "A", "rank", 3));
        var all = client.query(b -> b.tableName("items")
                        .indexName("byRank")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("u1")))
                        .select(Select.ALL_ATTRIBUTES)
                        .limit(1))
                .items();
        assertThat(all).containsExactly(item("pk", "u1", "sk", "B", "rank", 1, "name", "Bob"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void globalIndex_rejectsConsistentReadsAndAllAttributes(Transport transport) {
        open(transport);
        createIndexedTable();
        assertThatThrownBy(() -> client.query(b -> b.tableName("items")
                        .indexName("byEmail")
                        .consistentRead(true)
                        .keyConditionExpression("email = :e")
                        .expressionAttributeValues(Map.of(":e", s("a@x")))))
                .hasMessageStartingWith("Consistent reads are not supported on global secondary indexes");
        assertThatThrownBy(() -> client.query(b -> b.tableName("items")
                        .indexName("byEmail")
                        .select(Select.ALL_ATTRIBUTES)
                        .keyConditionExpression("email = :e")
                        .expressionAttributeValues(Map.of(":e", s("a@x")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not"
                        + " supported for global secondary index byEmail because its projection type is not ALL");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void indexQuery_pagesWithTableAndIndexKeys(Transport transport) {
        open(transport);
        createIndexedTable();
        QueryResponse first = client.query(b -> b.tableName("items")
                .indexName("byRank")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("u1")))
                .limit(1));
        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", "u1", "sk", "B", "rank", 1));
        QueryResponse second = client.query(b -> b.tableName("items")
                .indexName("byRank")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("u1")))
                .exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(strings(second.items(), "sk")).containsExactly("A");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void scan_pagesThroughEveryItemOnce(Transport transport) {
        open(transport);
        createTable("items", null);
        for (int i = 0; i < 50; i++) {
            int n = i;
            client.putItem(b -> b.tableName("items").item(item("pk", "k" + n)));
        }
        Set<String> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName("items").limit(7).exclusiveStartKey(from));
            for (String pk : strings(page.items(), "pk")) {
                assertThat(seen.add(pk)).as("seen twice: " + pk).isTrue();
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null && pages < 20);
        assertThat(seen).hasSize(50);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void scan_stopsAPageAtOneMegabyte_andResumesFromItsLastEvaluatedKey(Transport transport) {
        open(transport);
        createTable("items", null);
        String payload = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.putItem(b -> b.tableName("items").item(item("pk", "k" + n, "payload", payload)));
        }
        ScanResponse first = client.scan(b -> b.tableName("items"));
        assertThat(first.count()).isEqualTo(4);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
        ScanResponse rest = client.scan(b -> b.tableName("items").exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(rest.count()).isEqualTo(1);
        assertThat(rest.hasLastEvaluatedKey() && !rest.lastEvaluatedKey().isEmpty())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void parallelScan_segmentsPartitionTheItems(Transport transport) {
        open(transport);
        createTable("items", null);
        for (int i = 0; i < 60; i++) {
            int n = i;
            client.putItem(b -> b.tableName("items").item(item("pk", "k" + n)));
        }
        List<String> all = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            int s = segment;
            all.addAll(strings(
                    client.scan(b -> b.tableName("items").segment(s).totalSegments(4))
                            .items(),
                    "pk"));
        }
        assertThat(all).hasSize(60).doesNotHaveDuplicates();
        assertThatThrownBy(
                        () -> client.scan(b -> b.tableName("items").segment(4).totalSegments(4)))
                .hasMessageStartingWith("The Segment parameter is zero-based and must be less than parameter"
                        + " TotalSegments: Segment: 4 is not less than TotalSegments: 4");
    }
}
