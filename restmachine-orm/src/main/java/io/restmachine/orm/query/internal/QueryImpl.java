package io.restmachine.orm.query.internal;

import io.restmachine.orm.Condition;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Page;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Query;
import io.restmachine.orm.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    private final QueryContext<T> ctx;
    private final List<Condition> conditions;
    private final @Nullable String index;
    private final @Nullable Integer limit;
    private final @Nullable String cursor;
    private final boolean descending;
    private final List<String> select;
    private final boolean consistentRead;

    /** A query with no conditions. */
    public QueryImpl(QueryContext<T> ctx) {
        this(ctx, List.of(), null, null, null, false, List.of(), false);
    }

    private QueryImpl(
            QueryContext<T> ctx,
            List<Condition> conditions,
            @Nullable String index,
            @Nullable Integer limit,
            @Nullable String cursor,
            boolean descending,
            List<String> select,
            boolean consistentRead) {
        this.ctx = ctx;
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
        return new QueryImpl<>(ctx, List.copyOf(next), index, limit, cursor, descending, select, consistentRead);
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
        return new QueryImpl<>(ctx, conditions, indexName, limit, cursor, descending, select, consistentRead);
    }

    @Override
    public Query<T> limit(int limit) {
        if (limit < 1) {
            throw new ValidationException("limit(" + limit + ") must be at least 1");
        }
        return new QueryImpl<>(ctx, conditions, index, limit, cursor, descending, select, consistentRead);
    }

    @Override
    public Query<T> cursor(@Nullable String cursor) {
        return new QueryImpl<>(ctx, conditions, index, limit, cursor, descending, select, consistentRead);
    }

    @Override
    public Query<T> descending() {
        return new QueryImpl<>(ctx, conditions, index, limit, cursor, true, select, consistentRead);
    }

    @Override
    public Query<T> select(String... fields) {
        return new QueryImpl<>(ctx, conditions, index, limit, cursor, descending, List.of(fields), consistentRead);
    }

    @Override
    public Query<T> consistentRead() {
        return new QueryImpl<>(ctx, conditions, index, limit, cursor, descending, select, true);
    }

    private ReadPlan plan() {
        return QueryPlanner.plan(
                ctx.model(), ctx.codecs(), new QuerySpec(conditions, index, descending, select, consistentRead));
    }

    /** The plan of a read about to run; warns (once per shape) when conditions could not make it a Query. */
    private ReadPlan runPlan() {
        ReadPlan plan = plan();
        ctx.scanWarnings().check(ctx.model().entityType(), !conditions.isEmpty(), plan.plan());
        return plan;
    }

    /** Where {@code paginate()} starts: the cursor's key, with the counts of the page that made it. */
    private CursorCodec.@Nullable Position position(ReadPlan plan) {
        return cursor == null ? null : ctx.cursors().position(cursor, plan.fingerprint(), plan.cursorAttributes());
    }

    private @Nullable Map<String, ItemValue> start(ReadPlan plan) {
        return cursor == null ? null : ctx.cursors().decode(cursor, plan.fingerprint(), plan.cursorAttributes());
    }

    @Override
    public Page<T> paginate() {
        ReadPlan plan = runPlan();
        return new PageReader<>(ctx, plan).page(limit == null ? DEFAULT_PAGE_SIZE : limit, position(plan));
    }

    @Override
    public List<T> list() {
        if (limit != null) {
            return paginate().items();
        }
        ReadPlan plan = runPlan();
        List<T> out = new ArrayList<>();
        new PageReader<>(ctx, plan).iterator(start(plan)).forEachRemaining(out::add);
        return out;
    }

    @Override
    public Stream<T> stream() {
        ReadPlan plan = runPlan();
        Map<String, ItemValue> start = start(plan);
        PageReader<T> reader = new PageReader<>(ctx, plan);
        // Nothing is read until the stream's terminal operation pulls the first item.
        Stream<T> stream = StreamSupport.stream(
                () -> Spliterators.spliteratorUnknownSize(
                        reader.iterator(start), Spliterator.ORDERED | Spliterator.NONNULL),
                Spliterator.ORDERED | Spliterator.NONNULL,
                false);
        return limit == null ? stream : stream.limit(limit);
    }

    @Override
    public Optional<T> first() {
        ReadPlan plan = runPlan();
        List<T> items = new PageReader<>(ctx, plan).page(1, start(plan)).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    @Override
    public Optional<T> last() {
        ReadPlan plan = runPlan();
        if (plan.plan().operation() == Plan.Operation.QUERY && cursor == null) {
            QueryImpl<T> reversed =
                    new QueryImpl<>(ctx, conditions, index, null, null, !descending, select, consistentRead);
            return reversed.first();
        }
        T last = null;
        var it = new PageReader<>(ctx, plan).iterator(start(plan));
        int n = 0;
        while (it.hasNext() && (limit == null || n < limit)) {
            last = it.next();
            n++;
        }
        return Optional.ofNullable(last);
    }

    @Override
    public long count() {
        ReadPlan plan = runPlan();
        return new PageReader<>(ctx, plan).count(start(plan), limit);
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
