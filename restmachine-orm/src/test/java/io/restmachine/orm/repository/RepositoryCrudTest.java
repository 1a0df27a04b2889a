package io.restmachine.orm.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.Orm;
import io.restmachine.orm.Repository;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.TodoItem;
import io.restmachine.orm.fixture.User;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.WriteRejectedByStoreException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositoryCrudTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);
    private final Repository<User> users = orm.repository(User.class);

    private static Map<String, ItemValue> item(RecordingStore.Call call) {
        return ((StoreItem) call.arg(0)).toMap();
    }

    @Test
    void create_putsTheItemWithKeysAndEntityType_onlyIfAbsent() {
        User alice = users.create(new User("user-123", "alice@example.com", "Alice"));

        assertThat(alice).isEqualTo(new User("user-123", "alice@example.com", "Alice"));
        RecordingStore.Call put = store.last();
        assertThat(put.operation()).isEqualTo("put");
        assertThat(item(put))
                .containsEntry("pk", ItemValue.s("USER#user-123"))
                .containsEntry("sk", ItemValue.s("PROFILE"))
                .containsEntry("entity_type", ItemValue.s("User"))
                .containsEntry("id", ItemValue.s("user-123"))
                .containsEntry("email", ItemValue.s("alice@example.com"))
                .containsEntry("name", ItemValue.s("Alice"))
                .hasSize(6);
        Expr condition = (Expr) put.arg(1);
        assertThat(condition.text()).isEqualTo("attribute_not_exists(#pk)");
        assertThat(condition.names()).containsExactly(Map.entry("#pk", "pk"));
    }

    @Test
    void create_whenKeyExists_throwsDuplicateKey() {
        store.answer(new WriteRejectedByStoreException("exists", null, null));

        assertThatThrownBy(() -> users.create(new User("u1", "a@b.c", "A")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("USER#u1")
                .hasCauseInstanceOf(WriteRejectedByStoreException.class);
    }

    @Test
    void create_setsCreatedAtFromTheClock_andRendersItIntoTheSortKey() {
        Repository<TodoItem> todos = orm.repository(TodoItem.class);

        TodoItem created = todos.create(new TodoItem("alice", "t1", "Write"));

        assertThat(created.createdAt()).isEqualTo(Fixtures.NOW);
        assertThat(item(store.last()))
                .containsEntry("pk", ItemValue.s("USER#alice"))
                .containsEntry("sk", ItemValue.s("TODO#2024-05-06T07:08:09.123456000Z#t1"))
                .containsEntry("createdAt", ItemValue.s("2024-05-06T07:08:09.123456000Z"));
    }

    @Test
    void create_withMissingKeyField_throwsValidation_andWritesNothing() {
        assertThatThrownBy(() -> users.create(new User(null, "a@b.c", "A")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'id'");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void get_byId_readsTheComputedKey_andReturnsTheModel() {
        store.answer(Optional.of(Map.of(
                "pk",
                ItemValue.s("USER#u1"),
                "sk",
                ItemValue.s("PROFILE"),
                "entity_type",
                ItemValue.s("User"),
                "id",
                ItemValue.s("u1"),
                "name",
                ItemValue.s("Al"))));

        Optional<User> got = users.get("u1");

        assertThat(got).contains(new User("u1", null, "Al"));
        assertThat(store.last().arg(0)).isEqualTo(Map.of("pk", ItemValue.s("USER#u1"), "sk", ItemValue.s("PROFILE")));
    }

    @Test
    void get_ofAnItemOfAnotherEntityType_isEmpty() {
        store.answer(Optional.of(Map.of(
                "pk", ItemValue.s("USER#u1"), "sk", ItemValue.s("PROFILE"), "entity_type", ItemValue.s("Account"))));

        assertThat(users.get(Key.of("id", "u1"))).isEmpty();
    }

    @Test
    void get_withAKeyMissingAField_namesTheMissingField() {
        Repository<TodoItem> todos = orm.repository(TodoItem.class);

        assertThatThrownBy(() -> todos.get(Key.of("userId", "alice").and("todoId", "t1")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[createdAt]");
    }

    @Test
    void save_whenAbsent_throwsNotFound_andWhenVersionDiffers_throwsConflict() {
        Repository<Order> orders = orm.repository(Order.class);
        Order order = new Order("u1", "o1", new BigDecimal("9.99"));
        order.setVersion(3);

        store.answer(new WriteRejectedByStoreException("failed", null, null)).answer(Optional.empty());
        assertThatThrownBy(() -> orders.save(order)).isInstanceOf(NotFoundException.class);

        Order again = new Order("u1", "o1", new BigDecimal("9.99"));
        again.setVersion(3);
        Map<String, ItemValue> stored = new HashMap<>(Map.of(
                "pk",
                ItemValue.s("USER#u1"),
                "sk",
                ItemValue.s("ORDER#o1"),
                "entity_type",
                ItemValue.s("Order"),
                "version",
                ItemValue.n(5)));
        store.answer(new WriteRejectedByStoreException("failed", StoreItem.neutral(stored), null));
        assertThatThrownBy(() -> orders.save(again))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("expected version 3")
                .hasMessageContaining("version 5");
    }

    @Test
    void save_sendsTheVersionRead_andStoresTheNextOne() {
        Repository<Order> orders = orm.repository(Order.class);
        Order order = new Order("u1", "o1", new BigDecimal("9.99"));
        order.setVersion(3);

        Order saved = orders.save(order);

        assertThat(saved.getVersion()).isEqualTo(4);
        RecordingStore.Call put = store.last();
        assertThat(item(put)).containsEntry("version", ItemValue.n(4));
        Expr condition = (Expr) put.arg(1);
        assertThat(condition.text()).isEqualTo("attribute_exists(#pk) AND #et = :et AND #version = :v0");
        assertThat(condition.values()).containsEntry(":v0", ItemValue.n(3)).containsEntry(":et", ItemValue.s("Order"));
    }

    @Test
    void update_rendersOneExpression_withUpdatedAtAndIndexKey_andReturnsTheNewItem() {
        Repository<Account> accounts = orm.repository(Account.class);
        store.answer(Map.of(
                "pk",
                ItemValue.s("USER#a1"),
                "sk",
                ItemValue.s("ACCOUNT"),
                "entity_type",
                ItemValue.s("Account"),
                "id",
                ItemValue.s("a1"),
                "email",
                ItemValue.s("new@example.com")));

        Account updated = accounts.update(
                Key.of("id", "a1"), u -> u.set("email", "new@example.com").remove("country"));

        assertThat(updated.email()).isEqualTo("new@example.com");
        RecordingStore.Call call = store.last();
        Expr update = (Expr) call.arg(1);
        assertThat(update.text())
                .isEqualTo(
                        "SET #email = :v0, #updatedAt = :v1, #gsi_pk_ByEmail = :v2 REMOVE #country, #gsi_pk_ByCountry, #gsi_sk_ByCountry");
        assertThat(update.values()).containsEntry(":v2", ItemValue.s("EMAIL#new@example.com"));
        Expr condition = (Expr) call.arg(2);
        assertThat(condition.text()).isEqualTo("attribute_exists(#pk) AND #et = :et");
    }

    @Test
    void update_ofAKeyField_isRejectedClearly() {
        assertThatThrownBy(() -> users.update(Key.of("id", "u1"), u -> u.set("id", "u2")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("can't change its key");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void delete_returnsWhetherTheItemExisted() {
        store.answer(Optional.of(Map.of("pk", ItemValue.s("USER#u1"))));
        assertThat(users.delete(Key.of("id", "u1"))).isTrue();
        Expr condition = (Expr) store.last().arg(1);
        assertThat(condition.text()).isEqualTo("attribute_not_exists(#pk) OR #et = :et");

        assertThat(users.delete(Key.of("id", "u2"))).isFalse();
    }

    @Test
    void theOrm_mapsModelsToItemsAndBack_forTools() {
        User u = new User("u1", "a@x", "A");

        Map<String, ItemValue> item = orm.toItem(u);

        assertThat(item).containsEntry("pk", ItemValue.s("USER#u1")).containsEntry("entity_type", ItemValue.s("User"));
        assertThat(orm.fromItem(User.class, item)).isEqualTo(u);
        assertThat(store.calls).isEmpty();
    }
}
