package io.restmachine.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.peer.Dynalite;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import io.restmachine.dynamodb.embedded.peer.SuiteRun;
import io.restmachine.orm.Repository;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.User;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * With {@code restmachine.dynamodb.endpoint} set, the same tests run against another
 * DynamoDB-compatible server (here dynalite), each on its own table, deleted afterwards.
 */
class EndpointTest {
    static final List<String> TABLES_SEEN = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.DYNALITE;

    @Test
    void testsRunAgainstTheConfiguredEndpoint_andDeleteTheirTables() {
        URI endpoint = Dynalite.endpoint();
        TABLES_SEEN.clear();

        SuiteRun run =
                SuiteRun.of(Map.of(DynamoDBTestSettings.ENDPOINT_PROPERTY, endpoint.toString()), OnAnyServer.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.summary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(TABLES_SEEN).hasSize(2).doesNotHaveDuplicates().allMatch(t -> t.startsWith("rmtest-OnAnyServer-"));
        try (DynamoDbClient dynalite = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            assertThat(dynalite.listTables().tableNames()).doesNotContainAnyElementsOf(TABLES_SEEN);
        }
    }

    @Test
    void theEngine_cannotBeInjectedWhenRunningAgainstAnEndpoint() {
        SuiteRun run = SuiteRun.of(
                Map.of(
                        DynamoDBTestSettings.ENDPOINT_PROPERTY,
                        Dynalite.endpoint().toString()),
                AsksForTheEngine.class);

        assertThat(run.failures())
                .singleElement()
                .asString()
                .contains("EmbeddedDynamoDB cannot be injected: these tests run against " + Dynalite.endpoint());
    }

    @DynamoDBTest(models = {User.class, Account.class})
    static class OnAnyServer {
        @Test
        void createsAndReads(Repository<User> users, TestTable table) {
            TABLES_SEEN.add(table.name());
            users.create(new User("u1", "a@example.com", "Alice"));
            assertThat(table.embedded()).isFalse();
            assertThat(users.get("u1")).map(User::email).contains("a@example.com");
        }

        @Test
        void queriesAnIndex(Repository<Account> accounts, TestTable table) {
            TABLES_SEEN.add(table.name());
            accounts.create(new Account("a1", "x@example.com", null, null, null, null));
            assertThat(accounts.where()
                            .index("ByEmail")
                            .eq("email", "x@example.com")
                            .list())
                    .extracting(Account::id)
                    .containsExactly("a1");
        }
    }

    @DynamoDBTest(models = User.class)
    static class AsksForTheEngine {
        @Test
        void test(EmbeddedDynamoDB engine) {}
    }
}
