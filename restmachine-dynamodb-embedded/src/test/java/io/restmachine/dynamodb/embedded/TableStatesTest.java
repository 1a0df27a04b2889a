package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Tables are CREATING, UPDATING and DELETING for the configured delays, and answer as DynamoDB
 * does meanwhile (the rules and their sources: docs/conformance.md, "Table states"). Time is the
 * engine's clock, moved by the test, so nothing here waits.
 */
class TableStatesTest extends EngineTest {
    private final TimeToLiveTest.MovableClock clock = new TimeToLiveTest.MovableClock();

    private void openWithDelays(Transport transport) {
        open(
                transport,
                EmbeddedDynamoDB.builder()
                        .clock(clock)
                        .createTableDelay(Duration.ofSeconds(2))
                        .updateTableDelay(Duration.ofSeconds(3))
                        .deleteTableDelay(Duration.ofSeconds(4)));
    }

    private void advance(Duration by) {
        clock.now.updateAndGet(now -> now.plus(by));
    }

    private TableStatus status(String table) {
        return client.describeTable(b -> b.tableName(table)).table().tableStatus();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aNewTable_isCreatingForTheDelay_andRefusesItemOperationsAndDeletion(Transport transport) {
        openWithDelays(transport);
        createTable("things", null);
        assertThat(status("things")).isEqualTo(TableStatus.CREATING);
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("things").item(Map.of("pk", s("a")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
        assertThatThrownBy(() -> client.scan(b -> b.tableName("things"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.deleteTable(b -> b.tableName("things")))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith(
                        "Attempt to change a resource which is still in use: Table is being created: things");
        assertThat(client.listTables().tableNames()).containsExactly("things");

        advance(Duration.ofMillis(1999));
        assertThat(status("things")).isEqualTo(TableStatus.CREATING);
        advance(Duration.ofMillis(1));
        assertThat(status("things")).isEqualTo(TableStatus.ACTIVE);
        client.putItem(b -> b.tableName("things").item(Map.of("pk", s("a"))));
        assertThat(client.scan(b -> b.tableName("things")).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aNewIndex_isCreatingWhileTheTableIsUpdating_andTheTableRefusesAnotherChange(Transport transport) {
        openWithDelays(transport);
        createTable("things", null);
        advance(Duration.ofSeconds(2));
        client.updateTable(b -> b.tableName("things")
                .attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        TableDescription updating =
                client.describeTable(b -> b.tableName("things")).table();
        assertThat(updating.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(updating.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        // DynamoDB keeps the table usable while it is UPDATING.
        client.putItem(b -> b.tableName("things").item(Map.of("pk", s("a"), "g", s("x"))));
        assertThatThrownBy(() -> client.deleteTable(b -> b.tableName("things")))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith(
                        "Attempt to change a resource which is still in use: Table is being updated: things");
        assertThatThrownBy(() -> client.updateTable(
                        b -> b.tableName("things").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byG")))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Subscriber limit exceeded: Only 1 online index can be created or deleted"
                        + " simultaneously per table");
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("things")
                        .billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith(
                        "Attempt to change a resource which is still in use: Table is being updated: things");

        advance(Duration.ofSeconds(3));
        TableDescription active =
                client.describeTable(b -> b.tableName("things")).table();
        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(client.query(b -> b.tableName("things")
                                .indexName("byG")
                                .keyConditionExpression("g = :g")
                                .expressionAttributeValues(Map.of(":g", s("x"))))
                        .count())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aBackfillingIndex_refusesQueryAndScan_showsBackfilling_andKeepsWritesMadeMeanwhile(Transport transport) {
        openWithDelays(transport);
        createTable("things", null);
        advance(Duration.ofSeconds(2));
        client.putItem(b -> b.tableName("things").item(Map.of("pk", s("before"), "g", s("x"))));
        TableDescription answer = client.updateTable(b -> b.tableName("things")
                        .attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
                                .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))))
                .tableDescription();
        // UpdateTable answers in the resource allocation phase; DescribeTable then shows the backfill.
        assertThat(answer.globalSecondaryIndexes().get(0).backfilling()).isFalse();
        assertThat(client.describeTable(b -> b.tableName("things"))
                        .table()
                        .globalSecondaryIndexes()
                        .get(0)
                        .backfilling())
                .isTrue();
        client.putItem(b -> b.tableName("things").item(Map.of("pk", s("during"), "g", s("x"))));
        client.deleteItem(b -> b.tableName("things").key(Map.of("pk", s("before"))));
        client.putItem(b -> b.tableName("things").item(Map.of("pk", s("moved"), "g", s("x"))));
        client.updateItem(b -> b.tableName("things")
                .key(Map.of("pk", s("moved")))
                .updateExpression("SET g = :y")
                .expressionAttributeValues(Map.of(":y", s("y"))));

        assertThatThrownBy(() -> queryByG("x"))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class)
                .hasMessageStartingWith("Cannot read from backfilling global secondary index: byG")
                .satisfies(e -> assertThat(((software.amazon.awssdk.services.dynamodb.model.DynamoDbException) e)
                                .awsErrorDetails()
                                .errorCode())
                        .isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.scan(b -> b.tableName("things").indexName("byG")))
                .hasMessageStartingWith("Cannot read from backfilling global secondary index: byG");
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement("SELECT * FROM \"things\".\"byG\"")))
                .hasMessageStartingWith("Cannot read from backfilling global secondary index: byG");

        advance(Duration.ofSeconds(3));
        var index = client.describeTable(b -> b.tableName("things"))
                .table()
                .globalSecondaryIndexes()
                .get(0);
        assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(index.backfilling()).isNull();
        assertThat(queryByG("x")).containsExactly("during");
        assertThat(queryByG("y")).containsExactly("moved");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anIndexBeingDeleted_canNoLongerBeRead_andIndexesCreatedWithTheTableShowNoBackfilling(Transport transport) {
        openWithDelays(transport);
        client.createTable(b -> b.tableName("things")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .globalSecondaryIndexes(i -> i.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        var creating = client.describeTable(b -> b.tableName("things"))
                .table()
                .globalSecondaryIndexes()
                .get(0);
        assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(creating.backfilling()).isNull();
        advance(Duration.ofSeconds(2));
        assertThat(queryByG("x")).isEmpty();

        client.updateTable(
                b -> b.tableName("things").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byG"))));
        var deleting = client.describeTable(b -> b.tableName("things"))
                .table()
                .globalSecondaryIndexes()
                .get(0);
        assertThat(deleting.indexStatus()).isEqualTo(IndexStatus.DELETING);
        assertThat(deleting.backfilling()).isNull();
        assertThatThrownBy(() -> queryByG("x"))
                .hasMessageStartingWith("The table does not have the specified index: byG");
    }

    private java.util.List<String> queryByG(String g) {
        return client
                .query(b -> b.tableName("things")
                        .indexName("byG")
                        .keyConditionExpression("g = :g")
                        .expressionAttributeValues(Map.of(":g", s(g))))
                .items()
                .stream()
                .map(item -> item.get("pk").s())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aDeletedTable_isDeletingForTheDelay_thenGone_andItsNameIsTakenMeanwhile(Transport transport) {
        openWithDelays(transport);
        createTable("things", null);
        advance(Duration.ofSeconds(2));
        client.putItem(b -> b.tableName("things").item(Map.of("pk", s("a"))));
        assertThat(client.deleteTable(b -> b.tableName("things"))
                        .tableDescription()
                        .tableStatus())
                .isEqualTo(TableStatus.DELETING);

        assertThat(status("things")).isEqualTo(TableStatus.DELETING);
        assertThat(client.listTables().tableNames()).containsExactly("things");
        // Deleting a DELETING table again is no error (DeleteTable's documentation).
        assertThat(client.deleteTable(b -> b.tableName("things"))
                        .tableDescription()
                        .tableStatus())
                .isEqualTo(TableStatus.DELETING);
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("things").key(Map.of("pk", s("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> createTable("things", null))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: things");

        advance(Duration.ofSeconds(4));
        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("things")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(client.listTables().tableNames()).isEmpty();
        createTable("things", null);
        advance(Duration.ofSeconds(2));
        assertThat(client.scan(b -> b.tableName("things")).count()).isZero();
    }

    @Test
    void theSdkWaiter_seesTheTableBecomeActive_onTheRealClock() {
        open(Transport.HTTP, EmbeddedDynamoDB.builder().createTableDelay(Duration.ofMillis(300)));
        client.createTable(b -> b.tableName("things")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        var outcome = client.waiter().waitUntilTableExists(b -> b.tableName("things"), w -> w.backoffStrategy(
                        FixedDelayBackoffStrategy.create(Duration.ofMillis(20)))
                .maxAttempts(500));
        assertThat(outcome.matched().response())
                .hasValueSatisfying(r -> assertThat(r.table().tableStatus()).isEqualTo(TableStatus.ACTIVE));
        client.putItem(b -> b.tableName("things").item(Map.of("pk", s("a"))));
    }

    @org.junit.jupiter.api.Test
    void throughputChanges_showTheOldValuesWhileUpdating_andKeepTheirHistory() {
        open(Transport.IN_PROCESS, EmbeddedDynamoDB.builder().clock(clock).updateTableDelay(Duration.ofSeconds(3)));
        client.createTable(b -> b.tableName("things")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
        var raised = client.updateTable(b -> b.tableName("things")
                        .provisionedThroughput(t -> t.readCapacityUnits(10L).writeCapacityUnits(5L)))
                .tableDescription();
        assertThat(raised.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(raised.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        advance(Duration.ofSeconds(3));
        var afterRaise =
                client.describeTable(b -> b.tableName("things")).table().provisionedThroughput();
        assertThat(afterRaise.readCapacityUnits()).isEqualTo(10L);
        assertThat(afterRaise.lastIncreaseDateTime()).isEqualTo(clock.now.get().minusSeconds(3));
        assertThat(afterRaise.lastDecreaseDateTime()).isNull();

        client.updateTable(b -> b.tableName("things")
                .provisionedThroughput(t -> t.readCapacityUnits(2L).writeCapacityUnits(5L)));
        advance(Duration.ofSeconds(3));
        var afterDecrease =
                client.describeTable(b -> b.tableName("things")).table().provisionedThroughput();
        assertThat(afterDecrease.lastIncreaseDateTime()).isEqualTo(afterRaise.lastIncreaseDateTime());
        assertThat(afterDecrease.lastDecreaseDateTime())
                .isEqualTo(clock.now.get().minusSeconds(3));
        assertThat(afterDecrease.numberOfDecreasesToday()).isEqualTo(1L);
    }
}
