package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * {@link EmbeddedDynamoDB#tableTemplate}, {@link EmbeddedDynamoDB#createTable(TableTemplate, String)}
 * and {@link EmbeddedDynamoDB#deleteTable}: what {@code @DynamoDBTest} gives each test instead of a
 * CreateTable round trip must be the table CreateTable made; and the in-process client's requests
 * are unsigned and its answers carry no CRC32.
 */
class TableTemplateTest {

    private static void createOrders(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType("S"),
                        a -> a.attributeName("sk").attributeType("S"),
                        a -> a.attributeName("gsi1pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                        .keyType("RANGE"))
                .globalSecondaryIndexes(g -> g.indexName("gsi1")
                        .keySchema(k -> k.attributeName("gsi1pk").keyType("HASH"))
                        .projection(p -> p.projectionType("KEYS_ONLY"))));
        client.updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
    }

    @Test
    void createTable_fromATemplate_isTheTableCreateTableMade_emptyAndActive() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            DynamoDbClient client = db.client();
            createOrders(client, "orders");
            client.putItem(b -> b.tableName("orders")
                    .item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1"))));
            TableTemplate template = db.tableTemplate("orders");

            db.createTable(template, "orders-copy");

            TableDescription original =
                    client.describeTable(b -> b.tableName("orders")).table();
            TableDescription copy =
                    client.describeTable(b -> b.tableName("orders-copy")).table();
            assertThat(copy.tableStatusAsString()).isEqualTo("ACTIVE");
            assertThat(copy.keySchema()).isEqualTo(original.keySchema());
            assertThat(copy.attributeDefinitions()).isEqualTo(original.attributeDefinitions());
            assertThat(copy.globalSecondaryIndexes()).hasSize(1);
            assertThat(copy.globalSecondaryIndexes().get(0).indexName()).isEqualTo("gsi1");
            assertThat(copy.globalSecondaryIndexes().get(0).projection())
                    .isEqualTo(original.globalSecondaryIndexes().get(0).projection());
            assertThat(copy.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
            assertThat(copy.itemCount()).isZero();
            assertThat(copy.tableId()).isNotEqualTo(original.tableId());
            assertThat(copy.tableArn()).endsWith(":table/orders-copy");
            assertThat(client.describeTimeToLive(b -> b.tableName("orders-copy"))
                            .timeToLiveDescription()
                            .attributeName())
                    .isEqualTo("expires");
            assertThat(template.sourceTable()).isEqualTo("orders");
        }
    }

    @Test
    void templates_outliveTheirTable_andTakeNoLaterChange() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            DynamoDbClient client = db.client();
            createOrders(client, "first");
            TableTemplate template = db.tableTemplate("first");
            client.updateTimeToLive(b -> b.tableName("first")
                    .timeToLiveSpecification(t -> t.attributeName("expires").enabled(false)));
            assertThat(db.deleteTable("first")).isTrue();

            db.createTable(template, "second");

            assertThat(client.listTables().tableNames()).containsExactly("second");
            assertThat(client.describeTimeToLive(b -> b.tableName("second"))
                            .timeToLiveDescription()
                            .timeToLiveStatusAsString())
                    .isEqualTo("ENABLED");
        }
    }

    @Test
    void deleteTable_removesTableAndItems_andAnswersFalseWhenThereIsNone() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            DynamoDbClient client = db.client();
            createOrders(client, "orders");
            client.putItem(b -> b.tableName("orders")
                    .item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1"))));

            assertThat(db.deleteTable("orders")).isTrue();

            assertThat(db.deleteTable("orders")).isFalse();
            assertThat(client.listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("orders")))
                    .isInstanceOf(ResourceNotFoundException.class);
            createOrders(client, "orders");
            assertThat(client.scan(b -> b.tableName("orders")).count()).isZero();
        }
    }

    @Test
    void misuse_isRefusedWithWhatToDo() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            createOrders(db.client(), "orders");
            TableTemplate template = db.tableTemplate("orders");

            assertThatThrownBy(() -> db.tableTemplate("missing"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no table named 'missing'")
                    .hasMessageContaining("create it first");
            assertThatThrownBy(() -> db.createTable(template, "orders"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Table already exists: orders");
            assertThatThrownBy(() -> db.createTable(template, "no spaces"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a valid table name");
            assertThatThrownBy(() -> db.createTable(template, "ab"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3 to 255");
            assertThat(db.client().listTables().tableNames()).containsExactly("orders");
        }
    }

    @Test
    void inProcessClient_sendsUnsignedRequests_andGetsAnswersWithoutCrc32() {
        List<Map<String, List<String>>> requests = new ArrayList<>();
        List<Map<String, List<String>>> responses = new ArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                requests.add(context.httpRequest().headers());
            }

            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                responses.add(context.httpResponse().headers());
            }
        };
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            DynamoDbClient client = db.client(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(recorder)));

            assertThat(client.listTables().tableNames()).isEmpty();

            assertThat(requests).singleElement().satisfies(headers -> assertThat(headers)
                    .doesNotContainKey("Authorization")
                    .containsKey("X-Amz-Target"));
            assertThat(responses).singleElement().satisfies(headers -> assertThat(headers)
                    .doesNotContainKey("x-amz-crc32")
                    .containsKey("x-amzn-RequestId"));
        }
    }
}
