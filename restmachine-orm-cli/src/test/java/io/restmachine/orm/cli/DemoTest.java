package io.restmachine.orm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo the README's first command runs: every scenario, readable, with the results it should have. */
class DemoTest {

    @Test
    void demo_runsEveryScenario_andPrintsWhatEachStepDid() {
        Cli.Result demo = Cli.plain("demo");

        assertThat(demo.status()).as(demo.toString()).isZero();
        assertThat(demo.err()).isEmpty();
        assertThat(demo.out())
                .contains(
                        "1. Quick start", "2. Composite keys", "3. Single-table design", "4. Batches", "5. Pagination")
                .contains("6. Query or Scan?")
                .contains("-> Optional[User[id=user-123, email=alice@example.com, name=Alice]]")
                .contains("users.get(\"nobody\")\n      -> Optional.empty")
                .contains("stored as: {\"email\":\"alice@example.com\",\"entity_type\":\"User\",\"id\":\"user-123\","
                        + "\"name\":\"Alice\",\"pk\":\"USER#user-123\",\"sk\":\"PROFILE\"}")
                .containsPattern(
                        "stored as: \\{.*\"entity_type\":\"TodoItem\".*\"pk\":\"USER#alice\",\"sk\":\"TODO#2025-01-01T09:00:00[.0-9]*Z#todo-1\"")
                .contains("-> todo-1 \"Write docs\", todo-2 \"Review docs\"")
                .contains("-> ORDER#order-1 (Order), ORDER#order-2 (Order), PROFILE (User)")
                .contains("users.where().count()\n      -> 1  (only Users")
                .contains("-> Order order-1, Order order-2, User user-123, TodoItem todo-1  (one Query, in sort-key"
                        + " order)")
                .contains("-> Alice / 2 orders / 1 to-do item")
                .contains("filter: #et IN (:et0, :et1, :et2)")
                .contains("written 10, failed 0")
                .contains("-> todo-4, todo-3, todo-2, todo-1, todo-0  (in the order asked")
                .contains("page 1: 10 users, cursor ")
                .contains("page 3: 5 users, no cursor: last page")
                .contains("25 distinct users in 3 pages: none twice, none missed")
                .contains("no cursor: last page")
                .contains("operation: QUERY on the table")
                .contains("operation: SCAN on the table")
                .contains("Done: ");
    }
}
