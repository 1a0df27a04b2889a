package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One action of a TransactWriteItems call. */
public sealed interface TxWrite {

    /** A conditional put. */
    record Put(StoreItem item, @Nullable Expr condition) implements TxWrite {
        public Put {
            java.util.Objects.requireNonNull(item, "item");
        }
    }

    /** An update expression applied to one item, with an optional condition. */
    record Update(Map<String, ItemValue> key, Expr update, @Nullable Expr condition) implements TxWrite {
        public Update {
            key = Map.copyOf(key);
        }
    }

    /** A conditional delete. */
    record Delete(Map<String, ItemValue> key, @Nullable Expr condition) implements TxWrite {
        public Delete {
            key = Map.copyOf(key);
        }
    }

    /** A condition check on one item that writes nothing. */
    record Check(Map<String, ItemValue> key, Expr condition) implements TxWrite {
        public Check {
            key = Map.copyOf(key);
        }
    }
}
