package io.restmachine.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.CollectionPage;
import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.ItemCollection;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.MultipleItemsException;
import io.restmachine.orm.Orm;
import io.restmachine.orm.Plan;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Invite;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.TodoItem;
import io.restmachine.orm.fixture.User;
import io.restmachine.orm.spi.ReadPage;
import io.restmachine.orm.spi.ReadRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 11, "Item collections": planning, decoding and the errors, against a recording store. */
class CollectionPlanTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);

    @Test
    void aPartition_isOneQuery_filteredToTheListedEntityTypes() {
        Plan plan = orm.collection(User.class, Order.class, TodoItem.class)
                .partition("USER#alice")
                .explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0");
        assertThat(plan.filter()).isEqualTo("#et IN (:et0, :et1, :et2)");
        assertThat(plan.values())
                .containsEntry(":v0", "\"USER#alice\"")
                .containsEntry(":et0", "\"User\"")
                .containsEntry(":et1", "\"Order\"")
                .containsEntry(":et2", "\"TodoItem\"");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void everySortKeyCondition_becomesAKeyCondition() {
        var base = orm.collection(Order.class).partition("USER#alice");
        assertThat(base.sortKeyBeginsWith("ORDER#").explain().keyCondition())
                .isEqualTo("#pk = :v0 AND begins_with(#sk, :v1)");
        assertThat(base.sortKeyBetween("ORDER#1", "ORDER#5").explain().keyCondition())
                .isEqualTo("#pk = :v0 AND #sk BETWEEN :v1 AND :v2");
        assertThat(base.sortKeyEq("ORDER#1").explain().keyCondition()).isEqualTo("#pk = :v0 AND #sk = :v1");
        assertThat(base.sortKeyLt("ORDER#1").explain().keyCondition()).isEqualTo("#pk = :v0 AND #sk < :v1");
        assertThat(base.sortKeyLte("ORDER#1").explain().keyCondition()).isEqualTo("#pk = :v0 AND #sk <= :v1");
        assertThat(base.sortKeyGt("ORDER#1").explain().keyCondition()).isEqualTo("#pk = :v0 AND #sk > :v1");
        assertThat(base.sortKeyGte("ORDER#1").explain().keyCondition()).isEqualTo("#pk = :v0 AND #sk >= :v1");
        assertThat(base.descending().explain().scanForward()).isFalse();
        assertThat(orm.collection(Order.class).partition("USER#alice").explain().filter())
                .isEqualTo("#et = :et0");
    }

    @Test
    void aSecondSortKeyCondition_isRejected() {
        assertThatThrownBy(() -> orm.collection(Order.class)
                        .partition("USER#alice")
                        .sortKeyBeginsWith("ORDER#")
                        .sortKeyGt("ORDER#1"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sortKeyGt(\"ORDER#1\") after sortKeyBeginsWith(\"ORDER#\")");
    }

    @Test
    void anIndexPartition_readsTheIndexKeys_andEveryModelMustDeclareTheIndex() {
        Plan plan = orm.collection(Account.class)
                .index("ByCountry")
                .partition("COUNTRY#NZ")
                .sortKeyGt("2024")
                .explain();
        assertThat(plan.index()).isEqualTo("ByCountry");
        assertThat(plan.keyCondition()).isEqualTo("#gsi_pk_ByCountry = :v0 AND #gsi_sk_ByCountry > :v1");

        assertThatThrownBy(() -> orm.collection(Account.class, User.class)
                        .index("ByCountry")
                        .partition("COUNTRY#NZ")
                        .explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("index 'ByCountry' is not declared by User");
        assertThatThrownBy(() -> orm.collection(Account.class)
                        .index("ByEmail")
                        .partition("EMAIL#x")
                        .sortKeyEq("a")
                        .explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("has none");
        assertThatThrownBy(() -> orm.collection(Account.class)
                        .index("ByEmail")
                        .partition("EMAIL#x")
                        .consistentRead()
                        .explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("consistentRead()");
    }

    @Test
    void withoutAPartition_orWithBothForms_nothingIsSent() {
        assertThatThrownBy(() -> orm.collection(Order.class).list())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no partition given");
        assertThatThrownBy(() -> orm.collection(TodoItem.class)
                        .partition("USER#a")
                        .where()
                        .eq("userId", "a")
                        .list())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("use one of them");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void theTypedForm_computesTheSharedPartitionKey() {
        Plan plan = orm.collection(Order.class, TodoItem.class)
                .where()
                .eq("userId", "alice")
                .explain();

        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0");
        assertThat(plan.values()).containsEntry(":v0", "\"USER#alice\"");
        assertThat(plan.reason()).contains("Order, TodoItem");
    }

    @Test
    void theTypedForm_namesTheModelThatCantComputeIt() {
        assertThatThrownBy(() -> orm.collection(User.class, TodoItem.class)
                        .where()
                        .eq("userId", "alice")
                        .explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("User can't compute the partition key")
                .hasMessageContaining("no field 'userId'")
                .hasMessageNotContaining("TodoItem can't");
        assertThatThrownBy(() -> orm.collection(TodoItem.class, Invite.class)
                        .where()
                        .eq("userId", "alice")
                        .explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("different partition keys")
                .hasMessageContaining("Invite=INVITE#alice");
        assertThatThrownBy(() ->
                        orm.collection(TodoItem.class).where().eq("title", "x").explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not read by the");
    }

    @Test
    void twoModelsWithOneEntityName_failWithSchemaException() {
        assertThatThrownBy(() -> orm.collection(Order.class, SameName.Order.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("both store entity type 'Order'");
    }

    @Test
    void itemsOfOtherTypes_areSkipped_andEachItemDecodesAsItsOwnType() {
        Map<String, ItemValue> user = orm.toItem(new User("alice", "a@example.com", "Alice"));
        Map<String, ItemValue> order = orm.toItem(new Order("alice", "o1", new BigDecimal("5")));
        Map<String, ItemValue> todo = orm.toItem(new TodoItem("alice", "t1", "Write", Instant.EPOCH));
        store.answer(new ReadPage(RecordingStore.items(order, user, todo), null, 3, 3));

        ItemCollection c =
                orm.collection(User.class, Order.class).partition("USER#alice").list();

        assertThat(c.items()).hasSize(2);
        assertThat(c.items().get(0)).isInstanceOf(Order.class);
        assertThat(c.one(User.class)).contains(new User("alice", "a@example.com", "Alice"));
        assertThat(c.all(Order.class)).extracting(Order::getOrderId).containsExactly("o1");
        assertThatThrownBy(() -> c.all(TodoItem.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[User, Order]");
    }

    @Test
    void one_withTwoItemsOfTheType_namesTheTypeAndTheCount() {
        store.answer(new ReadPage(
                RecordingStore.items(
                        orm.toItem(new Order("alice", "o1", BigDecimal.ONE)),
                        orm.toItem(new Order("alice", "o2", BigDecimal.ONE))),
                null,
                2,
                2));
        ItemCollection c = orm.collection(Order.class).partition("USER#alice").list();

        assertThatThrownBy(() -> c.one(Order.class))
                .isInstanceOf(MultipleItemsException.class)
                .hasMessageContaining("Order")
                .hasMessageContaining("found 2")
                .satisfies(e -> assertThat(((MultipleItemsException) e).count()).isEqualTo(2));
    }

    @Test
    void cursors_areBoundToTheCollection() {
        Map<String, ItemValue> o1 = orm.toItem(new Order("alice", "o1", BigDecimal.ONE));
        store.answer(new ReadPage(RecordingStore.items(o1), o1, 1, 1));
        CollectionPage page = orm.collection(Order.class, TodoItem.class)
                .partition("USER#alice")
                .limit(1)
                .paginate();
        assertThat(page.hasMore()).isTrue();

        orm.collection(Order.class, TodoItem.class)
                .partition("USER#alice")
                .limit(1)
                .cursor(page.cursor())
                .paginate();
        assertThat(((ReadRequest) store.last().arg(0)).exclusiveStartKey())
                .isEqualTo(Map.of("pk", o1.get("pk"), "sk", o1.get("sk")));

        assertThatThrownBy(() -> orm.collection(Order.class)
                        .partition("USER#alice")
                        .cursor(page.cursor())
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> orm.collection(Order.class, TodoItem.class)
                        .partition("USER#bob")
                        .cursor(page.cursor())
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> orm.repository(Order.class)
                        .where()
                        .eq("userId", "alice")
                        .cursor(page.cursor())
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
        String tampered = page.cursor().substring(0, page.cursor().length() - 2) + "AA";
        assertThatThrownBy(() -> orm.collection(Order.class, TodoItem.class)
                        .partition("USER#alice")
                        .cursor(tampered)
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
    }

    /** A second model whose entity name defaults to "Order". */
    static final class SameName {
        @io.restmachine.orm.PartitionKey("X#{id}")
        @io.restmachine.orm.SortKey("X")
        record Order(String id) {}
    }
}
