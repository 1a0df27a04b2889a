package io.restmachine.orm.repository.internal;

import static io.restmachine.orm.repository.internal.WriteFailures.Outcome.DUPLICATE;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.Condition;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.OrmException;
import io.restmachine.orm.Query;
import io.restmachine.orm.Repository;
import io.restmachine.orm.Update;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.query.internal.Placeholders;
import io.restmachine.orm.query.internal.QueryContext;
import io.restmachine.orm.query.internal.QueryImpl;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.Store;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.WriteRejectedByStoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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
        return attempt(p, () -> {
            try {
                store.put(p.item(), writes.createCondition());
            } catch (WriteRejectedByStoreException e) {
                throw failure(WriteFailures.Operation.CREATE, p.key(), e.existingItem(), null, e);
            }
            return p.entity();
        });
    }

    /**
     * Runs a prepared write; if anything stops it (a failed condition, a backend error), the
     * caller's object is put back as it was before the exception leaves.
     */
    private static <T> T attempt(WriteBuilder.Prepared<T> p, Supplier<T> write) {
        boolean written = false;
        try {
            T result = write.get();
            written = true;
            return result;
        } finally {
            if (!written) {
                p.rollback().run();
            }
        }
    }

    /** The exception for a failed condition, as {@link WriteFailures} judges it. */
    private OrmException failure(
            WriteFailures.Operation operation,
            Map<String, ItemValue> key,
            @Nullable StoreItem existing,
            @Nullable Long expectedVersion,
            WriteRejectedByStoreException cause) {
        return WriteFailures.exception(model, operation, key, existing, expectedVersion, cause);
    }

    @Override
    public Optional<T> get(Object id) {
        if (id == null) {
            throw new ValidationException("get(id) of " + model.type().getSimpleName()
                    + " got a null id: pass the value of its @Id field (or use get(Key.of(...)))");
        }
        if (model.ids().size() != 1) {
            throw new ValidationException("get(id) needs exactly one @Id field, but "
                    + model.type().getSimpleName()
                    + " has " + (model.ids().isEmpty() ? "none" : model.ids().size() + " " + names(model.ids()))
                    + "; use get(Key.of(\"field\", value).and(...)) with the fields its keys read: "
                    + model.keyFields());
        }
        Map<String, ItemValue> tableKey = model.tableKeyOfId(id);
        // Null when the id alone does not make the key (or makes a bad one): the Key path says why.
        return tableKey == null ? get(Key.of(model.ids().get(0).name(), id)) : read(tableKey);
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
        return read(writes.target(key, "get").key());
    }

    private Optional<T> read(Map<String, ItemValue> tableKey) {
        Optional<StoreItem> item = store.get(tableKey, false, null);
        if (item.isEmpty() || !model.owns(item.get())) {
            return Optional.empty();
        }
        return Optional.of(model.fromItem(item.get()));
    }

    @Override
    public T save(T entity) {
        WriteBuilder.Prepared<T> p = writes.prepare(entity, WriteBuilder.Kind.SAVE);
        return attempt(p, () -> {
            try {
                store.put(p.item(), writes.saveCondition(p.expectedVersion()));
            } catch (WriteRejectedByStoreException e) {
                throw failure(WriteFailures.Operation.SAVE, p.key(), existing(p.key(), e), p.expectedVersion(), e);
            }
            return p.entity();
        });
    }

    /** The stored item after a failed condition: from the exception, else a consistent read. */
    @Nullable
    StoreItem existing(Map<String, ItemValue> key, WriteRejectedByStoreException e) {
        if (e.existingItem() != null) {
            return e.existingItem();
        }
        return store.get(key, true, null).orElse(null);
    }

    @Override
    public T upsert(T entity) {
        WriteBuilder.Prepared<T> p = writes.prepare(entity, WriteBuilder.Kind.UPSERT);
        UpdateRequest r = writes.upsert(p);
        return attempt(p, () -> {
            StoreItem item;
            try {
                item = store.update(r.key(), r.update(), r.condition());
            } catch (WriteRejectedByStoreException e) {
                throw failure(WriteFailures.Operation.UPSERT, r.key(), existing(r.key(), e), null, e);
            }
            return stored(entity, item);
        });
    }

    /**
     * The entity as stored after an update: read from the item; a mutable caller's object is
     * changed to match and returned, as every other write does.
     */
    private T stored(T input, StoreItem item) {
        T read = model.fromItem(item);
        if (model.shape().isRecord()) {
            return read;
        }
        model.shape().restore(input, model.shape().values(read));
        return input;
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
        StoreItem item;
        try {
            item = store.update(r.key(), r.update(), r.condition());
        } catch (WriteRejectedByStoreException e) {
            throw failure(WriteFailures.Operation.UPDATE, r.key(), existing(r.key(), e), r.version(), e);
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
        if (entity == null) {
            throw new ValidationException("delete of " + model.type().getSimpleName()
                    + " got a null entity: pass the object to delete (or use delete(Key.of(...)))");
        }
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
            StoreItem existing = existing(key, e);
            if (WriteFailures.classify(model, WriteFailures.Operation.DELETE, existing, version)
                    == WriteFailures.Outcome.NOT_FOUND) {
                // Deleted by someone else between the failed condition and our read: nothing to delete.
                return false;
            }
            throw failure(WriteFailures.Operation.DELETE, key, existing, version, e);
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
        List<WriteBuilder.Prepared<T>> prepared = prepareAll(entities, WriteBuilder.Kind.CREATE);
        // The first input of a key is sent; later ones are duplicates of it and are never sent.
        List<BatchWrite> unique = new ArrayList<>();
        int[] slot = new int[prepared.size()];
        Map<Map<String, ItemValue>, Integer> byKey = new HashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            WriteBuilder.Prepared<T> p = prepared.get(i);
            Integer known = byKey.putIfAbsent(p.key(), unique.size());
            slot[i] = known == null ? unique.size() : -1;
            if (known == null) {
                unique.add(new BatchWrite.Put(p.item(), p.key(), writes.createCondition()));
            }
        }
        Fate[] fates = send(unique, prepared, false);
        List<T> written = new ArrayList<>();
        List<T> duplicates = new ArrayList<>();
        List<BatchResult.Failure<T>> failed = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            WriteBuilder.Prepared<T> p = prepared.get(i);
            Fate fate = slot[i] < 0 ? null : fates[slot[i]];
            if (fate != null && fate.written()) {
                written.add(p.entity());
                continue;
            }
            // Not written: the caller's object goes back to how it was given, and is reported so.
            p.rollback().run();
            T given = p.given();
            if (fate == null || (fate.refused() && classify(WriteFailures.Operation.CREATE, fate) == DUPLICATE)) {
                duplicates.add(given);
            } else {
                failed.add(new BatchResult.Failure<>(given, reason(WriteFailures.Operation.CREATE, p, fate)));
            }
        }
        return new BatchResult<>(written, failed, duplicates);
    }

    @Override
    public BatchResult<T> batchUpsert(Collection<? extends T> entities) {
        List<WriteBuilder.Prepared<T>> prepared = prepareAll(entities, WriteBuilder.Kind.UPSERT);
        // The last input of a key is sent, as if the upserts ran in order; earlier ones share its fate.
        Map<Map<String, ItemValue>, Integer> lastByKey = new HashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            lastByKey.put(prepared.get(i).key(), i);
        }
        List<BatchWrite> unique = new ArrayList<>();
        Map<Integer, Integer> slotOfSent = new HashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (lastByKey.get(prepared.get(i).key()) == i) {
                UpdateRequest r = writes.upsert(prepared.get(i));
                slotOfSent.put(i, unique.size());
                unique.add(new BatchWrite.Update(r.key(), r.update(), r.condition()));
            }
        }
        Fate[] fates = send(unique, prepared, true);
        List<T> written = new ArrayList<>();
        List<BatchResult.Failure<T>> failed = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            WriteBuilder.Prepared<T> p = prepared.get(i);
            Fate fate = fates[slotOfSent.get(lastByKey.get(p.key()))];
            if (fate.written() && fate.newItem() != null) {
                written.add(stored(p.entity(), fate.newItem()));
            } else {
                p.rollback().run();
                failed.add(new BatchResult.Failure<>(p.given(), reason(WriteFailures.Operation.UPSERT, p, fate)));
            }
        }
        return new BatchResult<>(written, failed);
    }

    /** Prepares every entity of a batch; if any is invalid, throws with every violation and changes none. */
    private List<WriteBuilder.Prepared<T>> prepareAll(Collection<? extends T> entities, WriteBuilder.Kind kind) {
        Objects.requireNonNull(entities, "entities");
        List<WriteBuilder.Prepared<T>> prepared = new ArrayList<>(entities.size());
        List<String> violations = new ArrayList<>();
        int i = 0;
        for (T entity : entities) {
            try {
                prepared.add(writes.prepare(entity, kind));
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
        return prepared;
    }

    /**
     * What happened to one write sent in a batch.
     *
     * @param written whether it was written
     * @param failure why it was not, when it failed
     * @param refused whether its condition did not hold
     * @param existing the item stored when the condition failed
     * @param newItem the item as stored after a written update
     */
    private record Fate(
            boolean written,
            @Nullable String failure,
            boolean refused,
            @Nullable StoreItem existing,
            @Nullable StoreItem newItem) {}

    /**
     * Sends the writes and says what happened to each; on an exception every object is put back.
     * With {@code readRefused}, a refused write whose stored item the server did not return (dynalite
     * returns none) gets it by a consistent read, so that {@link WriteFailures} can judge it.
     */
    private Fate[] send(
            List<BatchWrite> unique, List<? extends WriteBuilder.Prepared<?>> prepared, boolean readRefused) {
        Fate[] fates = new Fate[unique.size()];
        if (unique.isEmpty()) {
            return fates;
        }
        BatchWriteOutcome outcome;
        try {
            outcome = store.batchWrite(unique);
        } catch (RuntimeException | Error e) {
            rollBack(prepared);
            throw e;
        }
        for (Integer w : outcome.written()) {
            fates[w] = new Fate(true, null, false, null, outcome.newItems().get(w));
        }
        for (BatchWriteOutcome.Failure f : outcome.failed()) {
            fates[f.index()] = new Fate(false, f.reason(), false, null, null);
        }
        for (BatchWriteOutcome.Refused r : outcome.refused()) {
            StoreItem existing = r.existingItem() != null || !readRefused
                    ? r.existingItem()
                    : store.get(unique.get(r.index()).key(), true, null).orElse(null);
            fates[r.index()] = new Fate(false, null, true, existing, null);
        }
        for (int i = 0; i < fates.length; i++) {
            if (fates[i] == null) {
                fates[i] = new Fate(false, "the backend reported no outcome for this write", false, null, null);
            }
        }
        return fates;
    }

    private WriteFailures.Outcome classify(WriteFailures.Operation operation, Fate fate) {
        return WriteFailures.classify(model, operation, fate.existing(), null);
    }

    /** Why a write of a batch was not done, in the words the single write would use. */
    private String reason(WriteFailures.Operation operation, WriteBuilder.Prepared<T> p, Fate fate) {
        if (fate.refused()) {
            return WriteFailures.exception(model, operation, p.key(), fate.existing(), null, null)
                    .getMessage();
        }
        if (fate.written()) {
            return "the backend returned no item for this update";
        }
        return Objects.requireNonNull(fate.failure());
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
        Fate[] fates = send(unique, List.of(), false);
        List<Key> written = new ArrayList<>();
        List<BatchResult.Failure<Key>> failed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Fate fate = fates[slot[i]];
            if (fate.written()) {
                written.add(inputs.get(i));
            } else {
                failed.add(new BatchResult.Failure<>(inputs.get(i), Objects.requireNonNull(fate.failure())));
            }
        }
        return new BatchResult<>(written, failed);
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
        List<StoreItem> found = store.batchGet(new ArrayList<>(order.keySet()), false, null);
        Object[] slots = new Object[order.size()];
        String pk = model.layout().partitionKey();
        String sk = model.layout().sortKey();
        for (StoreItem item : found) {
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
