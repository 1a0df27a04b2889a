package io.restmachine.orm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of an item collection.
 *
 * <pre>{@code
 * CollectionPage page = backend.collection(User.class, Order.class).partition("USER#alice")
 *         .limit(50).cursor(previous).paginate();
 * List<Order> orders = page.collection().all(Order.class);
 * String next = page.cursor(); // null on the last page
 * }</pre>
 *
 * @param collection the items of this page, at most the read's limit
 * @param cursor an opaque, URL-safe string resuming right after the last item; null on the last page
 */
public record CollectionPage(ItemCollection collection, @Nullable String cursor) {
    public CollectionPage {
        Objects.requireNonNull(collection, "collection");
    }

    /** Whether another page may follow. */
    public boolean hasMore() {
        return cursor != null;
    }
}
