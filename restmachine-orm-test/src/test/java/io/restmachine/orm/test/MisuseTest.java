package io.restmachine.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.peer.SuiteRun;
import io.restmachine.orm.Repository;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.User;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Asking for something the extension can't give fails the test with a message that says how to fix it. */
class MisuseTest {

    @Test
    void aRepositoryOfAModelNotListed_failsNamingTheFix() {
        SuiteRun run = SuiteRun.of(Map.of(), UnlistedModel.class);

        assertThat(run.summary().getTotalFailureCount()).isEqualTo(1);
        assertThat(run.failures())
                .singleElement()
                .asString()
                .contains("Repository<Account> was asked for")
                .contains("add it: @DynamoDBTest(models = {User.class, Account.class})");
    }

    @Test
    void aRawRepository_failsAskingForTheTypeArgument() {
        SuiteRun run = SuiteRun.of(Map.of(), RawRepository.class);

        assertThat(run.failures()).singleElement().asString().contains("declare it as Repository<YourModel>");
    }

    @DynamoDBTest(models = User.class)
    static class UnlistedModel {
        @Test
        void test(Repository<Account> accounts) {}
    }

    @DynamoDBTest(models = User.class)
    static class RawRepository {
        @Test
        @SuppressWarnings("rawtypes")
        void test(Repository users) {}
    }
}
