package io.restmachine.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.User;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@DynamoDBTest(models = {User.class, Account.class})
class InjectionTest {
    private Repository<User> usersFromBeforeEach;

    @BeforeEach
    void setUp(Repository<User> users) {
        usersFromBeforeEach = users;
        users.create(new User("seed", "seed@example.com", "Seed"));
    }

    @Test
    void repository_isResolvedByItsTypeArgument_andWorksOnTheTestTable(
            Repository<User> users, Repository<Account> accounts) {
        users.create(new User("u1", "alice@example.com", "Alice"));
        accounts.create(new Account("a1", "alice@example.com", null, null, null, null));

        assertThat(users.type()).isEqualTo(User.class);
        assertThat(accounts.type()).isEqualTo(Account.class);
        assertThat(users.get("u1")).map(User::name).contains("Alice");
        assertThat(usersFromBeforeEach.get("seed")).isPresent();
        assertThat(accounts.where()
                        .index("ByEmail")
                        .eq("email", "alice@example.com")
                        .first())
                .map(Account::id)
                .contains("a1");
    }

    @Test
    void backendClientEngineAndTable_areInjected_andDescribeTheSameTable(
            DynamoDBBackend backend, DynamoDbClient client, EmbeddedDynamoDB engine, TestTable table) {
        TableDescription description =
                client.describeTable(b -> b.tableName(table.name())).table();

        assertThat(table.embedded()).isTrue();
        // The injected engine is the one behind the injected client: it holds the test's table.
        assertThat(engine.client().listTables().tableNames()).contains(table.name());
        assertThat(backend.repository(User.class).get("seed")).isPresent();
        assertThat(description.globalSecondaryIndexes())
                .extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("ByCountry", "ByEmail");
        assertThat(client.listTables().tableNames()).contains(table.name());
    }

    @Test
    void eachTest_getsItsOwnFreshTable(Repository<User> users, TestTable table) {
        List<User> all = users.where().list();

        assertThat(all).extracting(User::id).containsExactly("seed");
        assertThat(table.name()).startsWith("rmtest-InjectionTest-eachTest_getsItsOwnFreshTable-");
    }
}
