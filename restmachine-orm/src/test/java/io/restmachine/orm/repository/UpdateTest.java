package io.restmachine.orm.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Condition;
import io.restmachine.orm.ConditionFailedException;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.Orm;
import io.restmachine.orm.Repository;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Everything;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.WriteRejectedByStoreException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);
    private final Repository<Everything> things = orm.repository(Everything.class);
    private static final Map<String, ItemValue> STORED = Map.of(
            "pk",
            ItemValue.s("Everything#e1"),
            "sk",
            ItemValue.s("METADATA"),
            "entity_type",
            ItemValue.s("Everything"),
            "id",
            ItemValue.s("e1"));

    @Test
    void everyActionKind_rendersIntoOneExpression() {
        store.answer(STORED);

        things.update(Key.of("id", "e1"), u -> u.set("color", Everything.Color.RED)
                .setIfAbsent("i", 5)
                .add("l", 2)
                .add("tags", "new")
                .append("list", List.of("z"))
                .delete("numbers", Set.of(1))
                .set("expiresAt", Instant.ofEpochSecond(100))
                .remove("nickname"));

        Expr update = (Expr) store.last().arg(1);
        assertThat(update.text())
                .isEqualTo(
                        "SET #color = :v0, #i = if_not_exists(#i, :v1), #list = list_append(if_not_exists(#list, :v4), :v5),"
                                + " #expiresAt = :v7 REMOVE #nickname ADD #l :v2, #tags :v3 DELETE #numbers :v6");
        assertThat(update.values())
                .containsEntry(":v0", ItemValue.s("RED"))
                .containsEntry(":v3", new ItemValue.SS(Set.of("new")))
                .containsEntry(":v4", new ItemValue.L(List.of()))
                .containsEntry(":v7", ItemValue.n(100));
    }

    @Test
    void settingAnEmptySet_removesTheAttribute() {
        store.answer(STORED);

        things.update(Key.of("id", "e1"), u -> u.set("tags", Set.of()));

        assertThat(((Expr) store.last().arg(1)).text()).isEqualTo("REMOVE #tags");
    }

    @Test
    void invalidActions_areAllListed_andNothingIsSent() {
        assertThatThrownBy(() -> things.update(Key.of("id", "e1"), u -> u.add("color", 1)
                        .append("tags", List.of("x"))
                        .set("unknown", 1)
                        .set("i", "not a number")
                        .remove("s")
                        .remove("s")))
                .isInstanceOf(ValidationException.class)
                .satisfies(
                        e -> assertThat(((ValidationException) e).violations()).hasSize(5));
        assertThatThrownBy(() -> things.update(Key.of("id", "e1"), u -> u))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no actions");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void aVersionInTheKey_isChecked_andAFailedUserCondition_isConditionFailed() {
        Repository<Order> orders = orm.repository(Order.class);
        Map<String, ItemValue> stored = Map.of(
                "pk",
                ItemValue.s("USER#u"),
                "sk",
                ItemValue.s("ORDER#o"),
                "entity_type",
                ItemValue.s("Order"),
                "version",
                ItemValue.n(4));
        store.answer(new WriteRejectedByStoreException("no", StoreItem.neutral(stored), null));
        assertThatThrownBy(() -> orders.update(
                        Key.of("userId", "u").and("orderId", "o").and("version", 3),
                        u -> u.set("total", BigDecimal.ONE)))
                .isInstanceOf(ConflictException.class);
        Expr condition = (Expr) store.last().arg(2);
        assertThat(condition.text()).isEqualTo("attribute_exists(#pk) AND #et = :et AND #version = :v3");

        store.answer(new WriteRejectedByStoreException("no", StoreItem.neutral(stored), null));
        assertThatThrownBy(() ->
                        orders.update(Key.of("userId", "u").and("orderId", "o"), u -> u.set("total", BigDecimal.ONE)
                                .onlyIf(Condition.field("total").lt(1))))
                .isInstanceOf(ConditionFailedException.class);
    }

    @Test
    void aKeyWithFieldsTheKeysDontRead_isRejected() {
        assertThatThrownBy(() -> things.update(Key.of("id", "e1").and("i", 3), u -> u.set("l", 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[i]");
    }

    @Test
    void deleteOfAVersionedEntity_sendsItsVersion() {
        Repository<Order> orders = orm.repository(Order.class);
        Order o = new Order("u", "o", BigDecimal.ONE);
        o.setVersion(2);
        store.answer(java.util.Optional.of(Map.of("pk", ItemValue.s("USER#u"))));

        assertThat(orders.delete(o)).isTrue();

        Expr condition = (Expr) store.last().arg(1);
        assertThat(condition.text()).isEqualTo("attribute_not_exists(#pk) OR (#et = :et AND #version = :v0)");
        assertThat(condition.values()).containsEntry(":v0", ItemValue.n(2));
    }

    @Test
    void upsert_sendsOneUpdateItem_countingTheVersionOn_andReturnsWhatTheStoreReturned() {
        Repository<Order> orders = orm.repository(Order.class);
        store.answer(Map.of(
                "pk", ItemValue.s("USER#u"),
                "sk", ItemValue.s("ORDER#o"),
                "entity_type", ItemValue.s("Order"),
                "userId", ItemValue.s("u"),
                "orderId", ItemValue.s("o"),
                "total", ItemValue.n(1),
                "version", ItemValue.n(7)));
        Order given = new Order("u", "o", BigDecimal.ONE);

        Order saved = orders.upsert(given);

        assertThat(store.last().operation()).isEqualTo("update");
        Expr update = (Expr) store.last().arg(1);
        assertThat(update.text())
                .startsWith("SET ")
                .contains("#version = if_not_exists(#version, :v")
                .doesNotContain("#pk =")
                .doesNotContain("#sk =");
        assertThat(((Expr) store.last().arg(2)).text()).isEqualTo("attribute_not_exists(#pk) OR #entity_type = :et");
        assertThat(saved).isSameAs(given);
        assertThat(saved.getVersion()).isEqualTo(7);
    }

    @Test
    void upsert_removesTheModelsEmptyFields_andKeepsTheStoredCreatedAt() {
        Repository<io.restmachine.orm.fixture.TodoItem> todos =
                orm.repository(io.restmachine.orm.fixture.TodoItem.class);
        store.answer(Map.of(
                "pk", ItemValue.s("USER#alice"),
                "sk", ItemValue.s("TODO#2024-05-06T07:08:09.123456000Z#t1"),
                "entity_type", ItemValue.s("TodoItem"),
                "userId", ItemValue.s("alice"),
                "todoId", ItemValue.s("t1"),
                "createdAt", ItemValue.s("2024-05-06T07:08:09.123456000Z")));

        todos.upsert(new io.restmachine.orm.fixture.TodoItem("alice", "t1", null));

        Expr update = (Expr) store.last().arg(1);
        assertThat(update.text())
                .contains("#createdAt = if_not_exists(#createdAt, :v")
                .contains(" REMOVE #title");
    }
}
