package io.restmachine.orm.query.internal;

import io.restmachine.orm.Condition;
import io.restmachine.orm.Page;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Query;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/** The immutable {@link Query}: every step returns a copy; running it plans, then reads pages. */
public final class QueryImpl<T> implements Query<T> {
    /** The page size of {@code paginate()} when no limit is set. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final Planner<T> planner;
    private final List<Condition> conditions;
    private final @Nullable String index;
    private final @Nullable Integer limit;
    private final @Nullable String cursor;
    private final boolean descending;
    private final List<String> select;
    private final boolean consistentRead;

    /** Turns what a query asks for into the read that answers it. */
    @FunctionalInterface
    public interface Planner<T> {
        /** The read for this spec; {@link ValidationException} lists every problem. */
        ReadSequence<T> plan(QuerySpec spec);

        /** Hears that a read is about to run (not on {@code explain()}), e.g. to warn about a Scan. */
        default void running(Plan plan, boolean hasConditions) {}

        /**
         * The one model a {@code select(View.class)} reads through; a planner over several models
         * (a sealed repository) refuses, since a view names the attributes of one model.
         */
        default EntityModel<T> viewModel() {
            throw new ValidationException(
                    "select(View.class) reads through one model, and this query reads several (a sealed"
                            + " repository): select the view on the subtype's own repository, or use"
                            + " select(String...)");
        }
    }

    /** A query with no conditions over the model of {@code ctx}. */
    public QueryImpl(QueryContext<T> ctx) {
        this(new Planner<T>() {
            @Override
            public ReadSequence<T> plan(QuerySpec spec) {
                ReadPlan plan = QueryPlanner.plan(ctx.model(), ctx.codecs(), spec);
                return ReadSequence.of(
                        new PageReader<>(ctx.store(), plan, PageReader.only(ctx.model(), plan)), ctx.cursors());
            }

            @Override
            public void running(Plan plan, boolean hasConditions) {
                ctx.scanWarnings().check(ctx.model().entityType(), hasConditions, plan);
            }

            @Override
            public EntityModel<T> viewModel() {
                return ctx.model();
            }
        });
    }

    /** A query with no conditions, planned by {@code planner}. */
    public QueryImpl(Planner<T> planner) {
        this(planner, List.of(), null, null, null, false, List.of(), false);
    }

    private QueryImpl(
            Planner<T> planner,
            List<Condition> conditions,
            @Nullable String index,
            @Nullable Integer limit,
            @Nullable String cursor,
            boolean descending,
            List<String> select,
            boolean consistentRead) {
        this.planner = planner;
        this.conditions = conditions;
        this.index = index;
        this.limit = limit;
        this.cursor = cursor;
        this.descending = descending;
        this.select = select;
        this.consistentRead = consistentRead;
    }

    private QueryImpl<T> add(Condition c) {
        List<Condition> next = new ArrayList<>(conditions.size() + 1);
        next.addAll(conditions);
        next.add(c);
        return new QueryImpl<>(planner, List.copyOf(next), index, limit, cursor, descending, select, consistentRead);
    }

    @Override
    public Query<T> eq(String field, Object value) {
        return add(Condition.field(field).eq(value));
    }

    @Override
    public Query<T> ne(String field, Object value) {
        return add(Condition.field(field).ne(value));
    }

    @Override
    public Query<T> gt(String field, Object value) {
        return add(Condition.field(field).gt(value));
    }

    @Override
    public Query<T> gte(String field, Object value) {
        return add(Condition.field(field).gte(value));
    }

    @Override
    public Query<T> lt(String field, Object value) {
        return add(Condition.field(field).lt(value));
    }

    @Override
    public Query<T> lte(String field, Object value) {
        return add(Condition.field(field).lte(value));
    }

    @Override
    public Query<T> between(String field, Object low, Object high) {
        return add(Condition.field(field).between(low, high));
    }

    @Override
    public Query<T> in(String field, Collection<?> values) {
        return add(Condition.field(field).in(values));
    }

    @Override
    public Query<T> beginsWith(String field, String prefix) {
        return add(Condition.field(field).beginsWith(prefix));
    }

    @Override
    public Query<T> contains(String field, Object value) {
        return add(Condition.field(field).contains(value));
    }

    @Override
    public Query<T> exists(String field) {
        return add(Condition.field(field).exists());
    }

    @Override
    public Query<T> notExists(String field) {
        return add(Condition.field(field).notExists());
    }

    @Override
    public Query<T> where(Condition condition) {
        return add(Objects.requireNonNull(condition, "condition"));
    }

    @Override
    public Query<T> index(String indexName) {
        Objects.requireNonNull(indexName, "indexName");
        return new QueryImpl<>(planner, conditions, indexName, limit, cursor, descending, select, consistentRead);
    }

    @Override
    public Query<T> limit(int limit) {
        if (limit < 1) {
            throw new ValidationException("limit(" + limit + ") must be at least 1");
        }
        return new QueryImpl<>(planner, conditions, index, limit, cursor, descending, select, consistentRead);
    }

    @Override
    public Query<T> cursor(@Nullable String cursor) {
        return new QueryImpl<>(planner, conditions, index, limit, cursor, descending, select, consistentRead);
    }

    @Override
    public Query<T> descending() {
        return new QueryImpl<>(planner, conditions, index, limit, cursor, true, select, consistentRead);
    }

    @Override
    public Query<T> select(String... fields) {
        return new QueryImpl<>(planner, conditions, index, limit, cursor, descending, List.of(fields), consistentRead);
    }

    @Override
    public <R extends Record> Query<R> select(Class<R> view) {
        return ViewQuery.of(this, planner.viewModel(), view);
    }

    @Override
    public Query<T> consistentRead() {
        return new QueryImpl<>(planner, conditions, index, limit, cursor, descending, select, true);
    }

    private ReadSequence<T> plan() {
        return planner.plan(new QuerySpec(conditions, index, descending, select, consistentRead));
    }

    /** The read about to run; the planner may warn (once per shape) when conditions could not make it a Query. */
    private ReadSequence<T> runPlan() {
        ReadSequence<T> read = plan();
        planner.running(read.plan(), !conditions.isEmpty());
        return read;
    }

    @Override
    public Page<T> paginate() {
        return runPlan().page(limit == null ? DEFAULT_PAGE_SIZE : limit, cursor);
    }

    @Override
    public List<T> list() {
        if (limit != null) {
            return paginate().items();
        }
        List<T> out = new ArrayList<>();
        runPlan().iterator(cursor).forEachRemaining(out::add);
        return out;
    }

    @Override
    public Stream<T> stream() {
        ReadSequence<T> read = runPlan();
        // Checks the cursor now; nothing is read until the stream's terminal operation pulls the first item.
        java.util.Iterator<T> items = read.iterator(cursor);
        Stream<T> stream = StreamSupport.stream(
                () -> Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
                Spliterator.ORDERED | Spliterator.NONNULL,
                false);
        return limit == null ? stream : stream.limit(limit);
    }

    @Override
    public Optional<T> first() {
        List<T> items = runPlan().page(1, cursor).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    @Override
    public Optional<T> last() {
        ReadSequence<T> read = runPlan();
        if (read.singleQuery() && cursor == null) {
            QueryImpl<T> reversed =
                    new QueryImpl<>(planner, conditions, index, null, null, !descending, select, consistentRead);
            return reversed.first();
        }
        T last = null;
        var it = read.iterator(cursor);
        int n = 0;
        while (it.hasNext() && (limit == null || n < limit)) {
            last = it.next();
            n++;
        }
        return Optional.ofNullable(last);
    }

    @Override
    public long count() {
        return runPlan().count(cursor, limit);
    }

    @Override
    public boolean exists() {
        return first().isPresent();
    }

    @Override
    public Plan explain() {
        return plan().plan();
    }
}
