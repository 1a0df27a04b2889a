package io.restmachine.orm;

import java.util.function.UnaryOperator;

/**
 * The actions of one all-or-nothing write transaction (DynamoDB TransactWriteItems, at most 100
 * actions, each on a different item).
 *
 * <pre>{@code
 * backend.transaction(tx -> tx
 *     .create(user)
 *     .update(Order.class, Key.of("userId", "u1").and("orderId", "o1"), u -> u.add("total", 5))
 *     .delete(TodoItem.class, key)
 *     .check(User.class, Key.of("id", "u1"), Condition.field("name").exists()));
 * }</pre>
 */
public interface Transaction {

    /** Put a new item; cancels the transaction if the key exists. */
    Transaction create(Object entity);

    /** Replace an existing item (honouring {@code @Version}). */
    Transaction save(Object entity);

    /** Put, overwriting. */
    Transaction upsert(Object entity);

    /** Partial update of an existing item. */
    <T> Transaction update(Class<T> type, Key key, UnaryOperator<Update> changes);

    /** Delete by key. */
    <T> Transaction delete(Class<T> type, Key key);

    /** Require a condition on an item without writing it. */
    <T> Transaction check(Class<T> type, Key key, Condition condition);
}
