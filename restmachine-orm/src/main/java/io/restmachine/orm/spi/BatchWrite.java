package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.util.Map;

/** One write of a batch: an unconditional put or delete. */
public sealed interface BatchWrite {

    /** The key attributes of the item written (table partition and sort key). */
    Map<String, ItemValue> key();

    /** Put a whole item, replacing any item with the same key. */
    record Put(Map<String, ItemValue> item, Map<String, ItemValue> key) implements BatchWrite {
        public Put {
            item = FormattedItem.copyOf(item);
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
