package io.restmachine.orm.query.internal;

import io.restmachine.orm.CollectionPage;
import io.restmachine.orm.CollectionQuery;
import io.restmachine.orm.ItemCollection;
import io.restmachine.orm.Page;
import io.restmachine.orm.Plan;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelsByEntityType;
import io.restmachine.orm.spi.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The immutable {@link CollectionQuery}: every step returns a copy; running it plans ({@link
 * CollectionPlanner}) and reads pages with the repositories' {@link PageReader} and {@link
 * CursorCodec}, decoding each item into the model its entity type names.
 */
public final class CollectionQueryImpl implements CollectionQuery {
    private final Store store;
    private final CursorCodec cursors;
    private final ModelsByEntityType models;
    private final CollectionSpec spec;
    private final @Nullable Integer limit;
    private final @Nullable String cursor;

    /** A read of these models' items, with no partition given yet. */
    public CollectionQueryImpl(Store store, CursorCodec cursors, ModelsByEntityType models) {
        this(store, cursors, models, new CollectionSpec(null, Map.of(), null, null, false, false), null, null);
    }

    private CollectionQueryImpl(
            Store store,
            CursorCodec cursors,
            ModelsByEntityType models,
            CollectionSpec spec,
            @Nullable Integer limit,
            @Nullable String cursor) {
        this.store = store;
        this.cursors = cursors;
        this.models = models;
        this.spec = spec;
        this.limit = limit;
        this.cursor = cursor;
    }

    private CollectionQueryImpl with(CollectionSpec next) {
        return new CollectionQueryImpl(store, cursors, models, next, limit, cursor);
    }

    @Override
    public CollectionQuery partition(String partitionKeyValue) {
        Objects.requireNonNull(partitionKeyValue, "partitionKeyValue");
        return with(new CollectionSpec(
                partitionKeyValue, spec.eq(), spec.index(), spec.sortKey(), spec.descending(), spec.consistentRead()));
    }

    @Override
    public CollectionQuery where() {
        return this;
    }

    @Override
    public CollectionQuery eq(String field, Object value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Map<String, Object> eq = new LinkedHashMap<>(spec.eq());
        if (eq.containsKey(field)) {
            throw new ValidationException("eq(\"" + field + "\", ...) is given twice: give each field once");
        }
        eq.put(field, value);
        return with(new CollectionSpec(
                spec.partition(), eq, spec.index(), spec.sortKey(), spec.descending(), spec.consistentRead()));
    }

    @Override
    public CollectionQuery index(String indexName) {
        Objects.requireNonNull(indexName, "indexName");
        return with(new CollectionSpec(
                spec.partition(), spec.eq(), indexName, spec.sortKey(), spec.descending(), spec.consistentRead()));
    }

    private CollectionQuery sortKey(CollectionSpec.SortKeyOp op, String... values) {
        for (String v : values) {
            Objects.requireNonNull(v, op.method() + " value");
        }
        CollectionSpec.SortKeyCondition condition = new CollectionSpec.SortKeyCondition(op, List.of(values));
        if (spec.sortKey() != null) {
            throw new ValidationException(
                    condition.describe() + " after " + spec.sortKey().describe()
                            + ": a DynamoDB Query takes one sort-key condition; use sortKeyBetween(low, high) for a range");
        }
        return with(new CollectionSpec(
                spec.partition(), spec.eq(), spec.index(), condition, spec.descending(), spec.consistentRead()));
    }

    @Override
    public CollectionQuery sortKeyEq(String value) {
        return sortKey(CollectionSpec.SortKeyOp.EQ, value);
    }

    @Override
    public CollectionQuery sortKeyLt(String value) {
        return sortKey(CollectionSpec.SortKeyOp.LT, value);
    }

    @Override
    public CollectionQuery sortKeyLte(String value) {
        return sortKey(CollectionSpec.SortKeyOp.LTE, value);
    }

    @Override
    public CollectionQuery sortKeyGt(String value) {
        return sortKey(CollectionSpec.SortKeyOp.GT, value);
    }

    @Override
    public CollectionQuery sortKeyGte(String value) {
        return sortKey(CollectionSpec.SortKeyOp.GTE, value);
    }

    @Override
    public CollectionQuery sortKeyBetween(String low, String high) {
        return sortKey(CollectionSpec.SortKeyOp.BETWEEN, low, high);
    }

    @Override
    public CollectionQuery sortKeyBeginsWith(String prefix) {
        return sortKey(CollectionSpec.SortKeyOp.BEGINS_WITH, prefix);
    }

    @Override
    public CollectionQuery limit(int limit) {
        if (limit < 1) {
            throw new ValidationException("limit(" + limit + ") must be at least 1");
        }
        return new CollectionQueryImpl(store, cursors, models, spec, limit, cursor);
    }

    @Override
    public CollectionQuery cursor(@Nullable String cursor) {
        return new CollectionQueryImpl(store, cursors, models, spec, limit, cursor);
    }

    @Override
    public CollectionQuery descending() {
        return with(new CollectionSpec(
                spec.partition(), spec.eq(), spec.index(), spec.sortKey(), true, spec.consistentRead()));
    }

    @Override
    public CollectionQuery consistentRead() {
        return with(
                new CollectionSpec(spec.partition(), spec.eq(), spec.index(), spec.sortKey(), spec.descending(), true));
    }

    @Override
    public ItemCollection list() {
        if (limit != null) {
            return paginate().collection();
        }
        ReadPlan plan = CollectionPlanner.plan(models, spec);
        List<Object> items = new ArrayList<>();
        read(plan).iterator(cursor).forEachRemaining(items::add);
        return collection(items);
    }

    @Override
    public CollectionPage paginate() {
        ReadPlan plan = CollectionPlanner.plan(models, spec);
        Page<Object> page = read(plan).page(limit == null ? QueryImpl.DEFAULT_PAGE_SIZE : limit, cursor);
        return new CollectionPage(collection(page.items()), page.cursor());
    }

    @Override
    public Plan explain() {
        return CollectionPlanner.plan(models, spec).plan();
    }

    private ReadSequence<Object> read(ReadPlan plan) {
        return ReadSequence.of(new PageReader<>(store, plan, models::decode), cursors);
    }

    private ItemCollection collection(List<Object> items) {
        List<Class<?>> types = new ArrayList<>();
        for (EntityModel<?> model : models.models()) {
            types.add(model.type());
        }
        return ItemCollection.of(types, items);
    }
}
