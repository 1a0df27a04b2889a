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
 *
 * <p>{@code update}, {@code delete} and {@code check} also take a sealed interface (or abstract
 * class) whose repository would take the key, with the same rules as that repository's {@code
 * update(Key, ...)} and {@code delete(Key)}: when only one subtype's key can be computed from the
 * key's fields, the action is that subtype's, with no read; otherwise the action collects reads the
 * candidate keys (one GetItem or BatchGetItem) and acts as the subtype of the one item found.
 * Several items found is a {@link ValidationException}; none found is a {@link NotFoundException}
 * thrown by {@code update} and {@code check} (name the subtype to check a key that holds no item),
 * and a delete that sends nothing, as deleting a missing item is fine. The read is not part of the
 * transaction, but the action's condition names the subtype, so an item that changed type in between
 * cancels it.
 */
public interface Transaction {

    /** Put a new item; cancels the transaction if the key exists. */
    Transaction create(Object entity);

    /** Replace an existing item (honouring {@code @Version}). */
    Transaction save(Object entity);

    /**
     * Write whether or not the item exists, as {@link Repository#upsert} does: counts
     * {@code @Version} on from the stored item and keeps the stored {@code @CreatedAt}; cancels the
     * transaction if an item of another entity type has the key. After the commit the caller's
     * object holds its own version + 1, which is the stored version unless the item was newer than
     * the object: read it again before a {@code save} if in doubt (a stale save throws {@link
     * ConflictException}, it never overwrites).
     */
    Transaction upsert(Object entity);

    /** Partial update of an existing item. */
    <T> Transaction update(Class<T> type, Key key, UnaryOperator<Update> changes);

    /**
     * Delete by key (a missing item is fine); cancels the transaction on a stale {@code @Version}
     * in the key or an item of another entity type, as {@link Repository#delete(Key)} throws.
     */
    <T> Transaction delete(Class<T> type, Key key);

    /** Require a condition on an item without writing it. */
    <T> Transaction check(Class<T> type, Key key, Condition condition);
}
