package io.restmachine.orm.spi;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.ItemValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a storage backend implements: DynamoDB's data-plane operations on one table, in
 * backend-neutral types. Each method is one service call, except {@link #batchWrite} and
 * {@link #batchGet}, which chunk, run chunks concurrently and retry unprocessed entries.
 *
 * <p>Failures: a failed condition throws {@link WriteRejectedByStoreException}; a cancelled
 * transaction throws {@link TransactionCanceledByStoreException}; anything else throws
 * {@link BackendException} (or another {@code OrmException}) with the cause kept.
 */
public interface Store {

    /** The table every call addresses. */
    String tableName();

    /**
     * The value type this store works in. The core writes items in it, passing them as {@link
     * FormattedItem} views that the store can take as they are ({@link FormattedItem#valuesIn}), and
     * reads model instances straight from the views a store returns. The default is the neutral
     * {@link ItemValue} form.
     */
    default ValueFormat<?> valueFormat() {
        return ValueFormat.neutral();
    }

    /** PutItem, with an optional condition. */
    void put(Map<String, ItemValue> item, @Nullable Expr condition);

    /** GetItem; empty when no item has this key. */
    Optional<Map<String, ItemValue>> get(Map<String, ItemValue> key, boolean consistentRead, @Nullable Expr projection);

    /** UpdateItem with {@code ReturnValues=ALL_NEW}; returns the item after the update. */
    Map<String, ItemValue> update(Map<String, ItemValue> key, Expr update, @Nullable Expr condition);

    /** DeleteItem with {@code ReturnValues=ALL_OLD}; returns the deleted item, empty if there was none. */
    Optional<Map<String, ItemValue>> delete(Map<String, ItemValue> key, @Nullable Expr condition);

    /** One Query or Scan call. */
    ReadPage read(ReadRequest request);

    /**
     * Many writes, concurrently; never throws for individual writes: every index ends up in
     * {@code written}, {@code failed} or {@code refused}. Unconditional puts and deletes go by
     * BatchWriteItem in chunks of 25 with retries of unprocessed items. BatchWriteItem takes no
     * conditions: puts with a condition go in transactions of many puts where the server has them
     * (a cancelled one resent without the puts whose condition failed), else each as its own
     * PutItem; updates each as its own UpdateItem; a bounded number at a time, retried when
     * throttled. A failed condition puts the write in {@code refused} with the stored item. The
     * caller gives each key at most once among conditional writes and updates.
     */
    BatchWriteOutcome batchWrite(List<BatchWrite> writes);

    /**
     * BatchGetItem in chunks of 100 with retries of unprocessed keys. Returns the items found, in
     * any order; keys with no item are left out. Keys still unprocessed after every retry throw
     * {@link BackendException}.
     */
    List<Map<String, ItemValue>> batchGet(
            List<Map<String, ItemValue>> keys, boolean consistentRead, @Nullable Expr projection);

    /** TransactWriteItems; all or nothing. */
    void transactWrite(List<TxWrite> actions, String clientRequestToken);

    /** TransactGetItems: one entry per key, empty where no item exists. */
    List<Optional<Map<String, ItemValue>>> transactGet(List<Map<String, ItemValue>> keys);
}
