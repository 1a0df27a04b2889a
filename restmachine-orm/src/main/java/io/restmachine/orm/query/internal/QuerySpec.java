package io.restmachine.orm.query.internal;

import io.restmachine.orm.Condition;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a query asks for, independent of paging.
 *
 * @param conditions the conditions, all of which must hold
 * @param index the chosen global secondary index, or null for the table
 * @param descending reverse sort-key order
 * @param select the fields to read, or empty for all
 * @param consistentRead strongly consistent reads
 */
public record QuerySpec(
        List<Condition> conditions,
        @Nullable String index,
        boolean descending,
        List<String> select,
        boolean consistentRead) {
    public QuerySpec {
        conditions = List.copyOf(conditions);
        select = List.copyOf(select);
    }
}
