package io.restmachine.orm.repository.internal;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.Condition;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.Query;
import io.restmachine.orm.Repository;
import io.restmachine.orm.Update;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.query.internal.ItemValues;
import io.restmachine.orm.query.internal.Placeholders;
import io.restmachine.orm.query.internal.QueryContext;
import io.restmachine.orm.query.internal.QueryImpl;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.Store;
import io.restmachine.orm.spi.WriteRejectedByStoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The {@link Repository} of one model over a {@link Store}. Thread-safe. */
final class RepositoryImpl<T> implements Repository<T> {
    private final OrmRuntime runtime;
    private final EntityModel<T> model;
    private final Store store;
    private final WriteBuilder<T> writes;
    private final QueryContext<T> queries;

    RepositoryImpl(OrmRuntime runtime, EntityModel<T> model) {
        this.runtime = runtime;
        this.model = model;
        this.store = runtime.store();
        this.writes = new WriteBuilder<>(runtime, model);
        this.queries = new QueryContext<>(store, model, runtime.models().codecs(), runtime.cursors());
    }

    WriteBuilder<T> writes() {
        return writes;
    }

    @Override
    public Class<T> type() {
        return model.type();
    }

    @Override
    public T create(T entity) {
        WriteBuilder.Prepared<T> p = writes.prepare(entity, WriteBuilder.Kind.CREATE);
        return put(p, writes.createCondition(), e -> duplicate(p.key(), e));
    }

    /**
     * Puts a prepared entity; if anything stops the write (a failed condition, a backend error),
     * the caller's object is put back as it was before the exception leaves.
     */
    private T put(
            WriteBuilder.Prepared<T> p,
            @Nullable Expr condition,
            Function<WriteRejectedByStoreException, RuntimeException> failure) {
        boolean written = false;
        try {
            try {
                store.put(p.item(), condition);
            } catch (WriteRejectedByStoreException e) {
                throw failure.apply(e);
            }
            written = true;
            return p.entity();
        } finally {
            if (!written) {
                p.rollback().run();
            }
        }
    }

    DuplicateKeyException duplicate(Map<String, ItemValue> key, @Nullable Throwable cause) {
        return new DuplicateKeyException(
                "an item with key " + ItemValues.displayKey(key) + " already exists, so "
                        + model.type().getSimpleName()
                        + " can't be created; use save() to replace it or upsert() to overwrite",
                cause);
    }

    @Override
    public Optional<T> get(Object id) {
        Objects.requireNonNull(id, "id");
        if (model.ids().size() != 1) {
            throw new ValidationException("get(id) needs exactly one @Id field, but "
                    + model.type().getSimpleName()
                    + " has " + (model.ids().isEmpty() ? "none" : model.ids().size() + " " + names(model.ids()))
                    + "; use get(Key.of(\"field\", value).and(...)) with the fields its keys read: "
                    + model.keyFields());
        }
        return get(Key.of(model.ids().get(0).name(), id));
    }

    private static List<String> names(List<Property> properties) {
        List<String> out = new ArrayList<>();
        for (Property p : properties) {
            out.add(p.name());
        }
        return out;
    }

    @Override
    public Optional<T> get(Key key) {
        Map<String, ItemValue> tableKey = writes.target(key, "get").key();
        Optional<Map<String, ItemValue>> item = store.get(tableKey, false, null);
        if (item.isEmpty() || !model.owns(item.get())) {
            return Optional.empty();
        }
        return Optional.of(model.fromItem(item.get()));
    }

    @Override
    public T save(T entity) {
        WriteBuilder.Prepared<T> p = writes.prepare(entity, WriteBuilder.Kind.SAVE);
        return put(
                p,
                writes.saveCondition(p.expectedVersion()),
                e -> writes.writeFailure("save", p.key(), existing(p.key(), e), p.expectedVersion(), e));
    }

    /** The stored item after a failed condition: from the exception, else a consistent read. */
    @Nullable
    Map<String, ItemValue> existing(Map<String, ItemValue> key, WriteRejectedByStoreException e) {
        if (e.existingItem() != null) {
            return e.existingItem();
        }
        return store.get(key, true, null).orElse(null);
    }

    @Override
    public T upsert(T entity) {
        WriteBuilder.Prepared<T> p = writes.prepare(entity, WriteBuilder.Kind.UPSERT);
        return put(p, null, e -> e);
    }

    /** The request parts of an update: key, update expression and condition. */
    record UpdateRequest(Map<String, ItemValue> key, Expr update, Expr condition, @Nullable Long version) {}

    UpdateRequest updateRequest(Key key, UnaryOperator<Update> changes) {
        Objects.requireNonNull(changes, "changes");
        WriteBuilder.KeyTarget target = writes.target(key, "update");
        Update update = Objects.requireNonNull(changes.apply(Update.empty()), "the update function returned null");
        Placeholders placeholders = new Placeholders();
        List<String> violations = new ArrayList<>();
        Expr expr = UpdateRenderer.render(
                model,
                runtime.models().codecs(),
                target.values(),
                update,
                runtime.settings().clock(),
                placeholders.scope(),
                violations);
        Expr condition = writes.existsCondition(placeholders.scope(), target.version(), update.condition(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new UpdateRequest(target.key(), expr, condition, target.version());
    }

    @Override
    public T update(Key key, UnaryOperator<Update> changes) {
        UpdateRequest r = updateRequest(key, changes);
        Map<String, ItemValue> item;
        try {
            item = store.update(r.key(), r.update(), r.condition());
        } catch (WriteRejectedByStoreException e) {
            throw writes.writeFailure("update", r.key(), existing(r.key(), e), r.version(), e);
        }
        return model.fromItem(item);
    }

    @Override
    public boolean delete(Key key) {
        WriteBuilder.KeyTarget target = writes.target(key, "delete");
        return delete(target.key(), target.version());
    }

    @Override
    public boolean delete(T entity) {
        Objects.requireNonNull(entity, "entity");
        Map<String, ItemValue> key = model.tableKey(entity);
        Property v = model.version();
        Long version = null;
        if (v != null) {
            Object current = v.get(entity);
            version = current == null ? 0L : ((Number) current).longValue();
        }
        return delete(key, version);
    }

    private boolean delete(Map<String, ItemValue> key, @Nullable Long version) {
        try {
            return store.delete(key, writes.deleteCondition(version)).isPresent();
        } catch (WriteRejectedByStoreException e) {
            Map<String, ItemValue> existing = existing(key, e);
            if (existing == null || !model.owns(existing) || version == null) {
                // Absent, or another entity type's item under this key: nothing of ours to delete.
                return false;
            }
            throw writes.writeFailure("delete", key, existing, version, e);
        }
    }

    @Override
    public Query<T> where() {
        return new QueryImpl<>(queries);
    }

    @Override
    public Query<T> where(Condition condition) {
        return new QueryImpl<>(queries).where(condition);
    }

    @Override
    public BatchResult<T> batchCreate(Collection<? extends T> entities) {
        Objects.requireNonNull(entities, "entities");
        List<T> given = new ArrayList<>(entities);
        List<WriteBuilder.Prepared<T>> prepared = new ArrayList<>(given.size());
        List<BatchWrite> unique = new ArrayList<>();
        int[] slot = new int[given.size()];
        Map<Map<String, ItemValue>, Integer> byKey = new HashMap<>();
        List<String> violations = new ArrayList<>();
        int i = 0;
        for (T entity : given) {
            try {
                WriteBuilder.Prepared<T> p = writes.prepare(entity, WriteBuilder.Kind.UPSERT);
                prepared.add(p);
                Integer known = byKey.get(p.key());
                if (known == null) {
                    byKey.put(p.key(), unique.size());
                    slot[i] = unique.size();
                    unique.add(new BatchWrite.Put(p.item(), p.key()));
                } else {
                    // The same key twice: the later item wins, as two puts in a row would.
                    slot[i] = known;
                    unique.set(known, new BatchWrite.Put(p.item(), p.key()));
                }
            } catch (ValidationException e) {
                for (String v : e.violations()) {
                    violations.add("item " + i + ": " + v);
                }
            }
            i++;
        }
        if (!violations.isEmpty()) {
            rollBack(prepared);
            throw new ValidationException(violations);
        }
        List<T> written = new ArrayList<>(prepared.size());
        for (WriteBuilder.Prepared<T> p : prepared) {
            written.add(p.entity());
        }
        try {
            // An input not written goes back to how the caller gave it, and is reported as given.
            return outcome(written, given, slot, unique, at -> prepared.get(at)
                    .rollback()
                    .run());
        } catch (RuntimeException | Error e) {
            rollBack(prepared);
            throw e;
        }
    }

    /** Undoes the changes to callers' objects, last first (the same object may appear twice). */
    static void rollBack(List<? extends WriteBuilder.Prepared<?>> prepared) {
        for (int i = prepared.size() - 1; i >= 0; i--) {
            prepared.get(i).rollback().run();
        }
    }

    @Override
    public BatchResult<Key> batchDelete(Collection<Key> keys) {
        Objects.requireNonNull(keys, "keys");
        List<Key> inputs = List.copyOf(keys);
        List<BatchWrite> unique = new ArrayList<>();
        int[] slot = new int[inputs.size()];
        Map<Map<String, ItemValue>, Integer> byKey = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, ItemValue> key =
                    writes.target(inputs.get(i), "batchDelete").key();
            Integer known = byKey.putIfAbsent(key, unique.size());
            if (known == null) {
                slot[i] = unique.size();
                unique.add(new BatchWrite.Delete(key));
            } else {
                slot[i] = known;
            }
        }
        return outcome(inputs, inputs, slot, unique, at -> {});
    }

    /**
     * Maps the store's outcome of the unique writes back onto every input: {@code written} names
     * the inputs that were written, {@code given} those that were not, and {@code notWritten}
     * hears the position of each input that was not.
     */
    private <I> BatchResult<I> outcome(
            List<I> written, List<I> given, int[] slot, List<BatchWrite> unique, IntConsumer notWritten) {
        List<I> inputs = written;
        if (unique.isEmpty()) {
            return new BatchResult<>(List.of(), List.of());
        }
        BatchWriteOutcome outcome = store.batchWrite(unique);
        String[] failure = new String[unique.size()];
        boolean[] done = new boolean[unique.size()];
        for (Integer w : outcome.written()) {
            done[w] = true;
        }
        for (BatchWriteOutcome.Failure f : outcome.failed()) {
            failure[f.index()] = f.reason();
        }
        List<I> ok = new ArrayList<>(inputs.size());
        List<BatchResult.Failure<I>> failed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int s = slot[i];
            if (failure[s] != null) {
                notWritten.accept(i);
                failed.add(new BatchResult.Failure<>(given.get(i), failure[s]));
            } else if (done[s]) {
                ok.add(inputs.get(i));
            } else {
                notWritten.accept(i);
                failed.add(new BatchResult.Failure<>(given.get(i), "the backend reported no outcome for this write"));
            }
        }
        return new BatchResult<>(ok, failed);
    }

    @Override
    public List<T> batchGet(Collection<Key> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<Map<String, ItemValue>, Integer> order = new LinkedHashMap<>();
        for (Key key : keys) {
            order.putIfAbsent(writes.target(key, "batchGet").key(), order.size());
        }
        if (order.isEmpty()) {
            return List.of();
        }
        List<Map<String, ItemValue>> found = store.batchGet(new ArrayList<>(order.keySet()), false, null);
        Object[] slots = new Object[order.size()];
        String pk = model.layout().partitionKey();
        String sk = model.layout().sortKey();
        for (Map<String, ItemValue> item : found) {
            if (!model.owns(item)) {
                continue;
            }
            Integer at = order.get(Map.of(pk, item.get(pk), sk, item.get(sk)));
            if (at != null) {
                slots[at] = model.fromItem(item);
            }
        }
        List<T> out = new ArrayList<>(slots.length);
        for (Object o : slots) {
            if (o != null) {
                @SuppressWarnings("unchecked")
                T t = (T) o;
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Repository<" + model.type().getSimpleName() + "> (entity type " + model.entityType() + ", table "
                + store.tableName() + ")";
    }
}
