package io.restmachine.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Condition;
import io.restmachine.orm.Orm;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Customer;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.TodoItem;
import io.restmachine.orm.fixture.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);
    private final Repository<User> users = orm.repository(User.class);
    private final Repository<TodoItem> todos = orm.repository(TodoItem.class);
    private final Repository<Order> orders = orm.repository(Order.class);
    private final Repository<Account> accounts = orm.repository(Account.class);
    private static final Instant T = Instant.parse("2024-01-02T03:04:05Z");
    private static final String TS = "2024-01-02T03:04:05.000000000Z";

    @Test
    void eqOnEveryKeyField_isATableQueryOnTheExactKey() {
        Plan plan = users.where().eq("id", "u1").explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.index()).isNull();
        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0 AND #sk = :v1");
        assertThat(plan.values()).containsEntry(":v0", "\"USER#u1\"").containsEntry(":v1", "\"PROFILE\"");
        assertThat(plan.filter()).isEqualTo("#et = :et");
        assertThat(plan.values()).containsEntry(":et", "\"User\"");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void eqOnThePartitionKeyOnly_usesTheTemplatePrefixAsBeginsWith() {
        Plan plan = todos.where().eq("userId", "alice").explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0 AND begins_with(#sk, :v1)");
        assertThat(plan.values()).containsEntry(":v0", "\"USER#alice\"").containsEntry(":v1", "\"TODO#\"");
        assertThat(plan.filter()).isEqualTo("#et = :et");
    }

    @Test
    void eqOnALeadingSortKeyField_extendsTheBeginsWithPrefix_andStaysAFilter() {
        Plan plan = todos.where().eq("userId", "alice").eq("createdAt", T).explain();

        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0 AND begins_with(#sk, :v1)");
        assertThat(plan.values()).containsEntry(":v1", "\"TODO#" + TS + "#\"");
        assertThat(plan.filter()).isEqualTo("#et = :et AND #createdAt = :v2");
    }

    @Test
    void rangeOnTheNextSortKeyField_becomesABoundedKeyCondition_andStaysAFilter() {
        Plan plan = todos.where().eq("userId", "alice").gt("createdAt", T).explain();

        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0 AND #sk BETWEEN :v1 AND :v2");
        assertThat(plan.values()).containsEntry(":v1", "\"TODO#" + TS + "\"").containsEntry(":v2", "\"TODO$\"");
        assertThat(plan.filter()).isEqualTo("#et = :et AND #createdAt > :v3");
    }

    @Test
    void rangeOnAFieldThatEndsTheSortKey_isAnExactRange() {
        Plan plan = accounts.where()
                .index("ByCountry")
                .eq("country", "FR")
                .between("joined", T, T.plusSeconds(60))
                .explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.index()).isEqualTo("ByCountry");
        assertThat(plan.keyCondition()).isEqualTo("#gsi_pk_ByCountry = :v0 AND #gsi_sk_ByCountry BETWEEN :v1 AND :v2");
        assertThat(plan.values()).containsEntry(":v0", "\"COUNTRY#FR\"").containsEntry(":v1", "\"" + TS + "\"");
    }

    @Test
    void aGsiWithoutSortKey_isQueriedOnItsPartitionKey() {
        Plan plan =
                accounts.where().index("ByEmail").eq("email", "a@example.com").explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.index()).isEqualTo("ByEmail");
        assertThat(plan.keyCondition()).isEqualTo("#gsi_pk_ByEmail = :v0");
        assertThat(plan.filter()).isEqualTo("#et = :et");
    }

    @Test
    void aMethodSortKey_usesThePrefixFoundByProbing() {
        Plan plan = orders.where().eq("userId", "u1").explain();

        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0 AND begins_with(#sk, :v1)");
        assertThat(plan.values()).containsEntry(":v0", "\"USER#u1\"").containsEntry(":v1", "\"ORDER#\"");
    }

    @Test
    void withoutThePartitionKey_itIsAScanFilteredByEntityType() {
        Plan plan = users.where().eq("name", "Alice").explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(plan.keyCondition()).isNull();
        assertThat(plan.filter()).isEqualTo("#et = :et AND #name = :v0");
        assertThat(plan.names()).containsEntry("#et", "entity_type").containsEntry("#name", "name");
    }

    @Test
    void anEmptyQuery_scansItsEntityTypeOnly() {
        Plan plan = users.where().explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(plan.filter()).isEqualTo("#et = :et");
        assertThat(plan.expressions()).containsExactly("#et = :et");
    }

    @Test
    void orAndNot_areRenderedWithParentheses() {
        Plan plan = orm.repository(Customer.class)
                .where(Condition.field("age").gt(30).or(Condition.field("name").beginsWith("A")))
                .where(Condition.not(Condition.field("name").eq("Bob")))
                .explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(plan.filter())
                .isEqualTo("#et = :et AND (#age > :v0 OR begins_with(#name, :v1)) AND NOT (#name = :v2)");
        assertThat(plan.values()).containsEntry(":v0", "30");
    }

    @Test
    void defaultKeys_areComputedFromTheId() {
        Plan plan = orm.repository(Customer.class).where().eq("id", "c1").explain();

        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0 AND #sk = :v1");
        assertThat(plan.values()).containsEntry(":v0", "\"Customer#c1\"").containsEntry(":v1", "\"METADATA\"");
    }

    @Test
    void projection_includesTheEntityTypeAndTheKeysNeededForCursors_andDescendingReversesTheOrder() {
        Plan plan = todos.where()
                .eq("userId", "alice")
                .select("title", "todoId")
                .descending()
                .explain();

        assertThat(plan.projection()).isEqualTo("#title, #todoId, #et, #pk, #sk");
        assertThat(plan.scanForward()).isFalse();
    }

    @Test
    void inContainsExistsAndNe_areFilters() {
        Plan plan = users.where()
                .in("name", List.of("A", "B"))
                .contains("email", "@example")
                .exists("email")
                .notExists("name")
                .ne("id", "x")
                .explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(plan.filter())
                .isEqualTo("#et = :et AND #name IN (:v0, :v1) AND contains(#email, :v2) AND attribute_exists(#email)"
                        + " AND attribute_not_exists(#name) AND #id <> :v3");
    }

    @Test
    void reservedWordsAndOddAttributeNames_goThroughPlaceholders() {
        Plan plan = orm.repository(io.restmachine.orm.fixture.Odd.class)
                .where()
                .eq("odd", "open")
                .eq("size", 3)
                .explain();

        assertThat(plan.filter()).isEqualTo("#et = :et AND #n0 = :v0 AND #size = :v1");
        assertThat(plan.names())
                .containsEntry("#n0", "odd name.with#hash:colon-dash")
                .containsEntry("#size", "size");
    }

    @Test
    void unknownFields_areRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> users.where().eq("nmae", "x").gt("agee", 3).explain())
                .isInstanceOf(ValidationException.class)
                .satisfies(
                        e -> assertThat(((ValidationException) e).violations()).hasSize(2))
                .hasMessageContaining("'nmae'")
                .hasMessageContaining("'agee'")
                .hasMessageContaining("[id, email, name]");
    }

    @Test
    void valuesOfTheWrongType_areRejected() {
        assertThatThrownBy(() -> orm.repository(Customer.class)
                        .where()
                        .eq("age", "thirty")
                        .explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'age'");
    }

    @Test
    void descendingOnAScan_andConsistentReadOnAnIndex_areRejected() {
        assertThatThrownBy(() -> users.where().eq("name", "A").descending().explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("descending()");
        assertThatThrownBy(() -> accounts.where()
                        .index("ByEmail")
                        .eq("email", "x")
                        .consistentRead()
                        .explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("consistentRead()");
    }

    @Test
    void anUnknownIndex_isRejectedNamingTheDeclaredOnes() {
        assertThatThrownBy(() -> accounts.where().index("ByName").explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[ByEmail, ByCountry]");
    }

    @Test
    void aGsiWithoutItsPartitionKey_scansTheIndex() {
        Plan plan = accounts.where().index("ByEmail").beginsWith("email", "a").explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(plan.index()).isEqualTo("ByEmail");
    }
}
