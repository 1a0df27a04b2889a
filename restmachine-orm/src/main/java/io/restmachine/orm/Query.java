package io.restmachine.orm;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An immutable query over one entity type: every step returns a new query.
 *
 * <pre>{@code
 * Page<TodoItem> page = todos.where().eq("userId", "alice").limit(100).paginate();
 * }</pre>
 *
 * <p>When the partition key can be computed from the {@code eq} conditions the query runs as a
 * DynamoDB Query: on the table, on the index chosen with {@link #index}, or else on a global
 * secondary index whose partition key they compute (never for {@link #consistentRead()}, nor on an
 * index whose projection lacks what the query returns); otherwise as a Scan, and a query with
 * conditions logs one WARN per query shape naming the key fields it lacks. {@link #explain()} says
 * which, and {@link Plan#reason()} why.
 *
 * @param <T> the model type
 */
public interface Query<T> {

    /** Items whose field equals the value; eq conditions on key fields make the query a DynamoDB Query. */
    Query<T> eq(String field, Object value);

    /** Items whose field differs from the value (or is absent). */
    Query<T> ne(String field, Object value);

    /** Items whose field is greater than the value. */
    Query<T> gt(String field, Object value);

    /** Items whose field is greater than or equal to the value. */
    Query<T> gte(String field, Object value);

    /** Items whose field is less than the value. */
    Query<T> lt(String field, Object value);

    /** Items whose field is less than or equal to the value. */
    Query<T> lte(String field, Object value);

    /** Items whose field is between the bounds, inclusive. */
    Query<T> between(String field, Object low, Object high);

    /** Items whose field equals one of the values (at most 100). */
    Query<T> in(String field, Collection<?> values);

    /** Items whose string field starts with the prefix. */
    Query<T> beginsWith(String field, String prefix);

    /** Items whose string field contains the text, or whose set or list field contains the element. */
    Query<T> contains(String field, Object value);

    /** Items that have the field. */
    Query<T> exists(String field);

    /** Items that lack the field. */
    Query<T> notExists(String field);

    /** Adds a condition (AND). */
    Query<T> where(Condition condition);

    /** Runs on the named global secondary index, overriding the index the ORM would choose. */
    Query<T> index(String indexName);

    /** The page size of {@link #paginate()}, and the most items {@link #list()} returns. */
    Query<T> limit(int limit);

    /** Resumes after the last item of an earlier page. */
    Query<T> cursor(@Nullable String cursor);

    /** Reverses sort-key order (Query only). */
    Query<T> descending();

    /**
     * Reads only these fields; the others are left empty (null, or 0/false for primitives).
     *
     * <p><b>Hazard:</b> an object read this way is a whole model with empty fields, and writing it
     * back ({@code save}, {@code upsert}) replaces the stored item with it, so the fields that were
     * not selected are lost. To read part of an item safely, use {@link #select(Class)}, which reads
     * into a record that can't be saved.
     */
    Query<T> select(String... fields);

    /**
     * Reads only the fields that the record's components name, into that record (a projection that
     * can't be saved back by mistake: the record is not a model). Each component must be a field of
     * the model, of its type. Throws {@code SchemaException} naming what does not fit.
     *
     * <pre>{@code
     * record TodoTitle(String todoId, String title) {}
     * List<TodoTitle> titles = todos.where().eq("userId", "alice").select(TodoTitle.class).list();
     * }</pre>
     */
    <R extends Record> Query<R> select(Class<R> view);

    /** Strongly consistent reads (table only, not on a GSI). */
    Query<T> consistentRead();

    /** One page of up to {@code limit} items, with a cursor when more may follow. */
    Page<T> paginate();

    /** Every matching item (up to {@code limit} if one is set). */
    List<T> list();

    /** Every matching item, pages fetched as the stream is consumed. Close it if not fully consumed. */
    Stream<T> stream();

    /** The first matching item in the query's order; empty if none. */
    Optional<T> first();

    /** The last matching item in the query's order. */
    Optional<T> last();

    /**
     * How many items match (DynamoDB {@code Select=COUNT}, summed over pages). With {@link #limit(int)},
     * at most that many: reading stops once the limit is counted, so {@code limit(100).count()} answers
     * "100 or more?" without reading the whole partition.
     */
    long count();

    /** Whether any item matches. */
    boolean exists();

    /** How this query would run, without running it. */
    Plan explain();
}
