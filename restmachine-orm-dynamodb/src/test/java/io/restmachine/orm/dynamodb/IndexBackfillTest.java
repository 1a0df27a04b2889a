package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.BackendException;
import io.restmachine.orm.Id;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.spi.ItemLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * An index that DynamoDB is still building (CREATING, backfilling) cannot be read: the ORM says
 * which index and how to wait, and {@code createTable()} waits for it. The engine's index takes
 * ten seconds of its clock; the clock moves only when the test lets it.
 */
class IndexBackfillTest {
    @PartitionKey("CUSTOMER#{id}")
    @SortKey("PROFILE")
    @IndexPartitionKey(index = "ByEmail", template = "EMAIL#{email}")
    record Customer(@Id String id, String email) {}

    /** Stands still, or, once {@link #ticking} is set, moves five seconds on every reading. */
    private static final class EngineClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
        final AtomicBoolean ticking = new AtomicBoolean();

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
            return ticking.get() ? now.updateAndGet(t -> t.plusSeconds(5)) : now.get();
        }
    }

    private final EngineClock clock = new EngineClock();
    private final EmbeddedDynamoDB db = EmbeddedDynamoDB.builder()
            .clock(clock)
            .updateTableDelay(Duration.ofSeconds(10))
            .build();
    private final DynamoDBBackend backend =
            DynamoDBBackend.builder().tableName("shop").client(db.client()).build();

    @AfterEach
    void close() {
        backend.close();
        db.close();
    }

    /** The table as an earlier version of the application made it, then the index another deploy is adding. */
    private void tableWhoseIndexIsBeingAdded() {
        DynamoDbClient client = db.client();
        client.createTable(b -> b.tableName("shop")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE)));
        backend.repository(Customer.class).create(new Customer("c1", "a@x"));
        String indexKey = ItemLayout.defaults().indexPartitionKey("ByEmail");
        client.updateTable(b -> b.tableName("shop")
                .attributeDefinitions(a -> a.attributeName(indexKey).attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("ByEmail")
                        .keySchema(k -> k.attributeName(indexKey).keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
    }

    @Test
    void aQueryOnAnIndexStillBeingBuilt_namesTheIndexAndHowToWait() {
        tableWhoseIndexIsBeingAdded();
        Repository<Customer> customers = backend.repository(Customer.class);

        assertThatThrownBy(() ->
                        customers.where().index("ByEmail").eq("email", "a@x").list())
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("table 'shop'")
                .hasMessageContaining("Cannot read from backfilling global secondary index: ByEmail")
                .hasMessageContaining("Wait until the index is ACTIVE")
                .hasMessageContaining("backend.createTable()");
        assertThat(backend.describeTable().globalSecondaryIndexes())
                .singleElement()
                .satisfies(index -> assertThat(index.status()).isEqualTo("CREATING"));
    }

    @Test
    void createTable_waitsForAnIndexTheModelsNeedThatIsStillBeingBuilt() {
        tableWhoseIndexIsBeingAdded();
        backend.register(Customer.class);

        clock.ticking.set(true);
        backend.createTable();
        clock.ticking.set(false);

        assertThat(backend.describeTable().globalSecondaryIndexes())
                .singleElement()
                .satisfies(index -> assertThat(index.status()).isEqualTo("ACTIVE"));
        assertThat(backend.repository(Customer.class)
                        .where()
                        .index("ByEmail")
                        .eq("email", "a@x")
                        .list())
                .extracting(Customer::id)
                .containsExactly("c1");
    }
}
