package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableActionsTest extends EngineTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void createTable_thenDescribe_showsAnActiveTableWithItsKeyAndBilling(Transport transport) {
        open(transport);
        createTable("things", "N");
        TableDescription table =
                client.describeTable(b -> b.tableName("things")).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/things");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void createTable_whenItExists_throwsResourceInUse(Transport transport) {
        open(transport);
        createTable("things", null);
        assertThatThrownBy(() -> createTable("things", null))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: things");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void createTable_withUndefinedKeyAttribute_isRejectedWithDynamoDBsMessage(Transport transport) {
        open(transport);
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("things")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Some index key attributes are not"
                        + " defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [id]");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void createTable_withShortName_isRejected(Transport transport) {
        open(transport);
        assertThatThrownBy(() -> createTable("ab", null))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith(
                        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint:"
                                + " Member must have length greater than or equal to 3");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void describeTable_whenMissing_throwsResourceNotFoundNamingTheTable(Transport transport) {
        open(transport);
        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: missing not found");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void listTables_pagesInNameOrder(Transport transport) {
        open(transport);
        for (String name : List.of("ccc", "aaa", "bbb", "ddd", "eee")) {
            createTable(name, null);
        }
        List<String> seen = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            String from = start;
            ListTablesResponse page = client.listTables(b -> b.limit(2).exclusiveStartTableName(from));
            seen.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
            pages++;
        } while (start != null && pages < 10);
        assertThat(seen).containsExactly("aaa", "bbb", "ccc", "ddd", "eee");
        assertThat(pages).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void deleteTable_removesTableAndItems(Transport transport) {
        open(transport);
        createTable("things", null);
        client.putItem(b -> b.tableName("things").item(item("pk", "a")));
        client.deleteTable(b -> b.tableName("things"));
        assertThat(client.listTables().tableNames()).isEmpty();
        createTable("things", null);
        assertThat(client.scan(b -> b.tableName("things")).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void updateTable_addingAGlobalIndex_backfillsExistingItems(Transport transport) {
        open(transport);
        createTable("things", null);
        client.putItem(b -> b.tableName("things").item(item("pk", "a", "email", "x@example.com")));
        client.putItem(b -> b.tableName("things").item(item("pk", "b")));
        client.updateTable(b -> b.tableName("things")
                .attributeDefinitions(a -> a.attributeName("email").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byEmail")
                        .keySchema(k -> k.attributeName("email").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
        TableDescription table =
                client.describeTable(b -> b.tableName("things")).table();
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byEmail");
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        });
        var items = client.query(b -> b.tableName("things")
                        .indexName("byEmail")
                        .keyConditionExpression("email = :e")
                        .expressionAttributeValues(Map.of(":e", s("x@example.com"))))
                .items();
        assertThat(items).containsExactly(item("pk", "a", "email", "x@example.com"));

        client.updateTable(
                b -> b.tableName("things").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byEmail"))));
        assertThat(client.describeTable(b -> b.tableName("things")).table().hasGlobalSecondaryIndexes())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void timeToLive_canBeEnabledDescribedAndDisabled(Transport transport) {
        open(transport);
        createTable("things", null);
        assertThat(client.describeTimeToLive(b -> b.tableName("things"))
                        .timeToLiveDescription()
                        .timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        client.updateTimeToLive(b -> b.tableName("things")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        var description = client.describeTimeToLive(b -> b.tableName("things")).timeToLiveDescription();
        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(description.attributeName()).isEqualTo("expires");
        assertThatThrownBy(() -> client.updateTimeToLive(b -> b.tableName("things")
                        .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("TimeToLive is already enabled");
    }
}
