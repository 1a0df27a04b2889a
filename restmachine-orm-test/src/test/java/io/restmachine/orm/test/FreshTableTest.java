package io.restmachine.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Ttl;
import io.restmachine.orm.fixture.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * On the embedded engine only the first test of a set of models gets its table from {@code
 * createTable()}; the others get theirs from the engine's template of it. Every test, first or
 * not, must see the same table: fresh, uniquely named, ACTIVE, with the models' indexes and time to
 * live, and the previous test's table gone. (Run against an endpoint, every test creates its own.)
 */
@DynamoDBTest(models = {Account.class, FreshTableTest.Session.class})
class FreshTableTest {
    private static final List<String> SEEN = new ArrayList<>();

    /** A model with a time-to-live attribute, so the table gets one. */
    @PartitionKey("SESSION#{id}")
    @SortKey("SESSION")
    record Session(String id, @Ttl @Nullable Instant expiresAt) {}

    @RepeatedTest(3)
    void everyTest_getsTheTableCreateTableMakes_freshAndOfItsOwn(
            Repository<Account> accounts, Repository<Session> sessions, DynamoDbClient client, TestTable table) {
        TableDescription description =
                client.describeTable(b -> b.tableName(table.name())).table();

        assertThat(description.tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(description.itemCount()).isZero();
        assertThat(description.globalSecondaryIndexes())
                .extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("ByCountry", "ByEmail");
        assertThat(client.describeTimeToLive(b -> b.tableName(table.name()))
                        .timeToLiveDescription()
                        .attributeName())
                .isEqualTo("expiresAt");
        assertThat(accounts.where().list()).isEmpty();
        assertThat(SEEN).doesNotContain(table.name());
        assertThat(client.listTables().tableNames())
                .allSatisfy(name -> assertThat(SEEN).doesNotContain(name));

        accounts.create(new Account("a1", "alice@example.com", null, null, null, null));
        sessions.create(new Session("s1", Instant.now().plusSeconds(3600)));
        assertThat(accounts.where()
                        .index("ByEmail")
                        .eq("email", "alice@example.com")
                        .first())
                .isPresent();
        SEEN.add(table.name());
    }
}
