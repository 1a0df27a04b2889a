package io.restmachine.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.peer.SuiteRun;
import io.restmachine.orm.Repository;
import io.restmachine.orm.fixture.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Under JUnit's parallel execution, tests run at the same time, each on its own table. */
class ParallelExecutionTest {
    static final int TESTS = 4;
    static final int ITEMS = 40;
    static final Set<String> TABLES = ConcurrentHashMap.newKeySet();
    static CyclicBarrier allRunning = new CyclicBarrier(TESTS);

    @Test
    void concurrentTests_eachSeeOnlyTheirOwnItems() {
        TABLES.clear();
        allRunning = new CyclicBarrier(TESTS);

        SuiteRun run = SuiteRun.of(
                Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(TESTS)),
                Concurrent.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.summary().getTestsSucceededCount()).isEqualTo(TESTS);
        assertThat(TABLES).hasSize(TESTS);
    }

    @DynamoDBTest(models = User.class)
    static class Concurrent {
        @Test
        void a(Repository<User> users, TestTable table) throws Exception {
            fill(users, table, "a");
        }

        @Test
        void b(Repository<User> users, TestTable table) throws Exception {
            fill(users, table, "b");
        }

        @Test
        void c(Repository<User> users, TestTable table) throws Exception {
            fill(users, table, "c");
        }

        @Test
        void d(Repository<User> users, TestTable table) throws Exception {
            fill(users, table, "d");
        }

        private static void fill(Repository<User> users, TestTable table, String name) throws Exception {
            TABLES.add(table.name());
            // Every test waits here until all four are running: proof that they run concurrently.
            allRunning.await(30, TimeUnit.SECONDS);
            List<User> batch = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                batch.add(new User(name + "-" + i, name + i + "@example.com", name));
            }
            assertThat(users.batchCreate(batch).failed()).isEmpty();
            assertThat(users.where().list()).hasSize(ITEMS).allMatch(u -> u.name()
                    .equals(name));
        }
    }
}
