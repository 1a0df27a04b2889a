package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One write of a batch. Unconditional puts and deletes go to BatchWriteItem; a put with a
 * condition and an update can't (BatchWriteItem takes no conditions), so a store sends each as its
 * own request (see {@link Store#batchWrite}).
 */
public sealed interface BatchWrite {

    /** The key attributes of the item written (table partition and sort key). */
    Map<String, ItemValue> key();

    /**
     * Put a whole item: without a condition, replacing any item with the same key; with one, only
     * if it holds.
     */
    record Put(StoreItem item, Map<String, ItemValue> key, @Nullable Expr condition) implements BatchWrite {
        public Put {
            java.util.Objects.requireNonNull(item, "item");
            key = Map.copyOf(key);
        }

        /** An unconditional put. */
        public Put(StoreItem item, Map<String, ItemValue> key) {
            this(item, key, null);
        }
    }

    /** An update expression applied to one item (UpdateItem, returning the item as stored after it). */
    record Update(Map<String, ItemValue> key, Expr update, @Nullable Expr condition) implements BatchWrite {
        public Update {
            key = Map.copyOf(key);
        }
    }

    /** Delete the item with this key, if any. */
    record Delete(Map<String, ItemValue> key) implements BatchWrite {
        public Delete {
            key = Map.copyOf(key);
        }
    }
}
