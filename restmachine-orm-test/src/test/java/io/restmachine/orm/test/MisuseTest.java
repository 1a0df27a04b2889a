package io.restmachine.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.Repository;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Asking for something the extension can't give fails the test with a message that says how to fix it. */
class MisuseTest {

    @Test
    void aRepositoryOfAModelNotListed_failsNamingTheFix() {
        TestExecutionSummary summary = JUnitRun.run(UnlistedModel.class, Map.of());

        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(JUnitRun.failures(summary))
                .singleElement()
                .asString()
                .contains("Repository<Account> was asked for")
                .contains("add it: @DynamoDBTest(models = {User.class, Account.class})");
    }

    @Test
    void aRawRepository_failsAskingForTheTypeArgument() {
        TestExecutionSummary summary = JUnitRun.run(RawRepository.class, Map.of());

        assertThat(JUnitRun.failures(summary))
                .singleElement()
                .asString()
                .contains("declare it as Repository<YourModel>");
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
