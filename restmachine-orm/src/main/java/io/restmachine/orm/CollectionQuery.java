package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/**
 * An immutable read of the items of several entity types in one partition: every step returns a
 * new query. Each page is one DynamoDB Query whose filter keeps only the listed entity types (items
 * of other types are skipped by the server, never decoded).
 *
 * <pre>{@code
 * ItemCollection alice = backend.collection(User.class, Order.class, TodoItem.class)
 *         .partition("USER#alice")
 *         .list();
 * CollectionPage orders = backend.collection(Order.class)
 *         .partition("USER#alice")
 *         .sortKeyBeginsWith("ORDER#")
 *         .limit(50)
 *         .paginate();
 * ItemCollection typed = backend.collection(Order.class, TodoItem.class)
 *         .where().eq("userId", "alice")  // every listed model computes USER#alice from it
 *         .list();
 * }</pre>
 *
 * <p>The partition is given either as the stored partition key value ({@link #partition}) or by
 * fields ({@link #eq}), never both. Sort-key conditions work on the stored sort key (of the table,
 * or of the {@link #index} chosen); a Query takes at most one.
 */
public interface CollectionQuery {

    /** The stored partition key value, e.g. {@code "USER#alice"} (of the table, or of the chosen index). */
    CollectionQuery partition(String partitionKeyValue);

    /**
     * Starts the typed form, where the partition is given by field values instead of the stored
     * key: {@code where().eq("userId", "alice")}. Returns this query.
     */
    CollectionQuery where();

    /**
     * A field value the partition key is computed from. When the query runs, every listed model
     * must compute the same partition key from the {@code eq} values; a {@link ValidationException}
     * names each model that can't or computes another.
     */
    CollectionQuery eq(String field, Object value);

    /** Reads a global secondary index partition instead of the table's; every listed model must declare it. */
    CollectionQuery index(String indexName);

    /** Items whose sort key equals the value. */
    CollectionQuery sortKeyEq(String value);

    /** Items whose sort key is less than the value. */
    CollectionQuery sortKeyLt(String value);

    /** Items whose sort key is less than or equal to the value. */
    CollectionQuery sortKeyLte(String value);

    /** Items whose sort key is greater than the value. */
    CollectionQuery sortKeyGt(String value);

    /** Items whose sort key is greater than or equal to the value. */
    CollectionQuery sortKeyGte(String value);

    /** Items whose sort key is between the bounds, inclusive. */
    CollectionQuery sortKeyBetween(String low, String high);

    /** Items whose sort key starts with the prefix, e.g. {@code "ORDER#"}. */
    CollectionQuery sortKeyBeginsWith(String prefix);

    /** The page size of {@link #paginate()}, and the most items {@link #list()} returns. */
    CollectionQuery limit(int limit);

    /** Resumes after the last item of an earlier page of this same query; null starts at the beginning. */
    CollectionQuery cursor(@Nullable String cursor);

    /** Reverses sort-key order. */
    CollectionQuery descending();

    /** Strongly consistent reads (table only, not on a global secondary index). */
    CollectionQuery consistentRead();

    /** Every item of the partition of the listed types (up to {@code limit} if one is set). */
    ItemCollection list();

    /** One page of up to {@code limit} items (100 by default), with a cursor when more may follow. */
    CollectionPage paginate();

    /** How this query would run, without running it. */
    Plan explain();
}
