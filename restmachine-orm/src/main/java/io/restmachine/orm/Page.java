package io.restmachine.orm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results.
 *
 * @param items the items, at most the query's limit
 * @param cursor an opaque, URL-safe string resuming right after the last item; null on the last page
 * @param <T> the model type
 */
public record Page<T>(List<T> items, @Nullable String cursor) {
    public Page {
        items = List.copyOf(items);
    }

    /** Whether another page may follow. */
    public boolean hasMore() {
        return cursor != null;
    }
}
