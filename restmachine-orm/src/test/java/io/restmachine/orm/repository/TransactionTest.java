package io.restmachine.orm.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Condition;
import io.restmachine.orm.ConditionFailedException;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.Orm;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.TodoItem;
import io.restmachine.orm.fixture.User;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.TransactionCanceledByStoreException;
import io.restmachine.orm.spi.TxWrite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);
    private static final Key TODO = Key.of("userId", "u1").and("todoId", "t1").and("createdAt", Instant.EPOCH);

    @Test
    @SuppressWarnings("unchecked")
    void actions_areSentAsOneTransactWrite_withAClientToken() {
        orm.transaction(tx -> tx.create(new User("u1", "a@x", "A"))
                .update(Order.class, Key.of("userId", "u1").and("orderId", "o1"), u -> u.add("total", 5))
                .delete(TodoItem.class, TODO)
                .check(User.class, Key.of("id", "u2"), Condition.field("name").exists()));

        RecordingStore.Call call = store.last();
        assertThat(call.operation()).isEqualTo("transactWrite");
        List<TxWrite> writes = (List<TxWrite>) call.arg(0);
        assertThat(writes).hasSize(4);
        assertThat(writes.get(0)).isInstanceOf(TxWrite.Put.class);
        assertThat(((TxWrite.Update) writes.get(1)).update().text())
                .isEqualTo("SET #version = if_not_exists(#version, :v1) + :v2 ADD #total :v0");
        assertThat(((TxWrite.Check) writes.get(3)).condition().text())
                .isEqualTo("(attribute_not_exists(#pk) OR #et = :et) AND (attribute_exists(#name))");
        assertThat((String) call.arg(1)).hasSize(36);
    }

    @Test
    void invalidTransactions_areRejectedBeforeSending() {
        assertThatThrownBy(() -> orm.transaction(
                        tx -> tx.create(new User("u1", "a", "A")).delete(User.class, Key.of("id", "u1"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("both address the item");
        assertThatThrownBy(() -> orm.transaction(tx -> {
                    for (int i = 0; i < 101; i++) {
                        tx.upsert(new User("u" + i, "a", "A"));
                    }
                }))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 100");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void cancellationReasons_areMappedPerAction() {
        Map<String, ItemValue> storedOrder = Map.of(
                "pk",
                ItemValue.s("USER#u1"),
                "sk",
                ItemValue.s("ORDER#o1"),
                "entity_type",
                ItemValue.s("Order"),
                "version",
                ItemValue.n(7));
        Order stale = new Order("u1", "o1", java.math.BigDecimal.TEN);
        stale.setVersion(3);
        store.answer(new TransactionCanceledByStoreException(
                "cancelled",
                List.of(
                        new TransactionCanceledByStoreException.Reason("ConditionalCheckFailed", "exists", null),
                        new TransactionCanceledByStoreException.Reason(
                                "ConditionalCheckFailed", "version", StoreItem.neutral(storedOrder)),
                        new TransactionCanceledByStoreException.Reason("None", "", null),
                        new TransactionCanceledByStoreException.Reason("ConditionalCheckFailed", "check", null),
                        new TransactionCanceledByStoreException.Reason("ConditionalCheckFailed", "save", null)),
                null));
        store.answer(Optional.empty());

        assertThatThrownBy(() -> orm.transaction(tx -> tx.create(new User("u1", "a", "A"))
                        .save(stale)
                        .delete(TodoItem.class, TODO)
                        .check(
                                User.class,
                                Key.of("id", "u2"),
                                Condition.field("name").exists())
                        .save(new User("u3", "c", "C"))))
                .isInstanceOf(TransactionCanceledException.class)
                .satisfies(e -> {
                    List<TransactionCanceledException.Reason> reasons = ((TransactionCanceledException) e).reasons();
                    assertThat(reasons).hasSize(5);
                    assertThat(reasons.get(0).exception()).isInstanceOf(DuplicateKeyException.class);
                    assertThat(reasons.get(1).exception()).isInstanceOf(ConflictException.class);
                    assertThat(reasons.get(2).failed()).isFalse();
                    assertThat(reasons.get(2).exception()).isNull();
                    assertThat(reasons.get(3).exception()).isInstanceOf(ConditionFailedException.class);
                    assertThat(reasons.get(4).exception()).isInstanceOf(NotFoundException.class);
                });
    }

    @Test
    void transactGet_returnsOneEntryPerKey_ofTheRightType() {
        Map<String, ItemValue> user = Map.of(
                "pk",
                ItemValue.s("USER#u1"),
                "sk",
                ItemValue.s("PROFILE"),
                "entity_type",
                ItemValue.s("User"),
                "id",
                ItemValue.s("u1"));
        store.answer(List.of(Optional.of(user), Optional.empty()));

        List<Optional<User>> got = orm.transactGet(User.class, List.of(Key.of("id", "u1"), Key.of("id", "u2")));

        assertThat(got).containsExactly(Optional.of(new User("u1", null, null)), Optional.empty());
    }
}
