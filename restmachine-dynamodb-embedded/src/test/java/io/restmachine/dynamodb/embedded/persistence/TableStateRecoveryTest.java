package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A table or index change still in progress when the engine stops is still in progress after a
 * restart, until the same engine-clock time it was due (docs/persistence.md, "Table states"); a
 * table being deleted is gone. Both from a snapshot (clean close) and from the log (crash).
 */
class TableStateRecoveryTest extends PersistenceTest {
    private static final Duration DELAY = Duration.ofSeconds(10);

    /** The engine clock, moved by the test; shared by the engine before and after the restart. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }
    }

    private final MovableClock clock = new MovableClock();

    private EmbeddedDynamoDB openWithDelays(Path dir) {
        return open(EmbeddedDynamoDB.builder()
                .persistent(dir)
                .expiryInterval(Duration.ZERO)
                .clock(clock)
                .createTableDelay(DELAY)
                .updateTableDelay(DELAY)
                .deleteTableDelay(DELAY));
    }

    private static TableStatus status(DynamoDbClient client, String table) {
        return client.describeTable(b -> b.tableName(table)).table().tableStatus();
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void aTableCreatingAtTheStop_isStillCreatingAfterTheRestart_untilItsDueTime(Restart restart) {
        EmbeddedDynamoDB db = openWithDelays(dataDir());
        createTable(db.client(), "things", null);
        clock.advance(Duration.ofSeconds(4));

        DynamoDbClient reopened = openWithDelays(stop(db, dataDir(), restart)).client();

        assertThat(status(reopened, "things")).isEqualTo(TableStatus.CREATING);
        assertThatThrownBy(() -> reopened.putItem(b -> b.tableName("things").item(item("pk", "a"))))
                .isInstanceOf(ResourceNotFoundException.class);
        clock.advance(Duration.ofSeconds(6).minusMillis(1));
        assertThat(status(reopened, "things")).isEqualTo(TableStatus.CREATING);
        clock.advance(Duration.ofMillis(1));
        assertThat(status(reopened, "things")).isEqualTo(TableStatus.ACTIVE);
        reopened.putItem(b -> b.tableName("things").item(item("pk", "a")));
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void aChangeDueWhileTheEngineWasDown_isCompleteAfterTheRestart(Restart restart) {
        EmbeddedDynamoDB db = openWithDelays(dataDir());
        createTable(db.client(), "things", null);

        Path dir = stop(db, dataDir(), restart);
        clock.advance(DELAY);
        DynamoDbClient reopened = openWithDelays(dir).client();

        assertThat(status(reopened, "things")).isEqualTo(TableStatus.ACTIVE);
        reopened.putItem(b -> b.tableName("things").item(item("pk", "a")));
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void anIndexBackfillingAtTheStop_isStillBackfillingAfterTheRestart_andKeepsEveryWrite(Restart restart) {
        EmbeddedDynamoDB db = openWithDelays(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        clock.advance(DELAY);
        client.putItem(b -> b.tableName("things").item(item("pk", "before", "g", "x")));
        client.updateTable(b -> b.tableName("things")
                .attributeDefinitions(a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        client.putItem(b -> b.tableName("things").item(item("pk", "during", "g", "x")));
        clock.advance(Duration.ofSeconds(3));

        DynamoDbClient reopened = openWithDelays(stop(db, dataDir(), restart)).client();

        GlobalSecondaryIndexDescription index = reopened.describeTable(b -> b.tableName("things"))
                .table()
                .globalSecondaryIndexes()
                .get(0);
        assertThat(index.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(index.backfilling()).isTrue();
        assertThatThrownBy(() -> queryByG(reopened))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Cannot read from backfilling global secondary index: byG");
        reopened.putItem(b -> b.tableName("things").item(item("pk", "after", "g", "x")));

        clock.advance(Duration.ofSeconds(7));
        index = reopened.describeTable(b -> b.tableName("things"))
                .table()
                .globalSecondaryIndexes()
                .get(0);
        assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(index.backfilling()).isNull();
        assertThat(queryByG(reopened)).containsExactlyInAnyOrder("before", "during", "after");
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void aTableDeletingAtTheStop_isGoneAfterTheRestart_andItsNameIsFree(Restart restart) {
        EmbeddedDynamoDB db = openWithDelays(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        clock.advance(DELAY);
        client.putItem(b -> b.tableName("things").item(item("pk", "a")));
        client.deleteTable(b -> b.tableName("things"));
        assertThat(status(client, "things")).isEqualTo(TableStatus.DELETING);

        DynamoDbClient reopened = openWithDelays(stop(db, dataDir(), restart)).client();

        assertThatThrownBy(() -> reopened.describeTable(b -> b.tableName("things")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(reopened.listTables().tableNames()).isEmpty();
        createTable(reopened, "things", null);
        clock.advance(DELAY);
        assertThat(reopened.scan(b -> b.tableName("things")).count()).isZero();
    }

    private static java.util.List<String> queryByG(DynamoDbClient client) {
        return client
                .query(b -> b.tableName("things")
                        .indexName("byG")
                        .keyConditionExpression("g = :g")
                        .expressionAttributeValues(Map.of(":g", s("x"))))
                .items()
                .stream()
                .map(i -> i.get("pk").s())
                .toList();
    }
}
