package io.restmachine.orm.repository.internal;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.Condition;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.Query;
import io.restmachine.orm.Repository;
import io.restmachine.orm.Update;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelChoice;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.query.internal.ItemValues;
import io.restmachine.orm.query.internal.PolymorphicPlanner;
import io.restmachine.orm.query.internal.QueryImpl;
import io.restmachine.orm.spi.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Repository} of a sealed interface or abstract class: every concrete subtype is a model
 * with its own entity type. Writes of an instance go to its subtype's repository. Reads return
 * each item as its subtype; queries are planned by {@link PolymorphicPlanner}.
 *
 * <p>A {@link Key} is given to every subtype whose keys can be computed from its fields. When they
 * all compute the same table key, one GetItem reads it; when they compute different keys, one
 * BatchGetItem reads every candidate. The item found (at most one may exist, else a {@link
 * ValidationException} names the subtypes found) decides the subtype that {@code update} and
 * {@code delete} then act through, so those cost one read more than on a subtype's own repository
 * unless only one subtype can compute a key from the fields given. Thread-safe.
 */
final class SealedRepository<T> implements Repository<T> {
    private final OrmRuntime runtime;
    private final ModelChoice<T> choice;
    private final Store store;
    private final PolymorphicPlanner<T> planner;

    SealedRepository(OrmRuntime runtime, ModelChoice<T> choice) {
        this.runtime = runtime;
        this.choice = choice;
        this.store = runtime.store();
        this.planner = new PolymorphicPlanner<>(
                store, runtime.cursors(), runtime.models().codecs(), choice);
    }

    @Override
    public Class<T> type() {
        return choice.root();
    }

    /** The repository of an instance's subtype. */
    @SuppressWarnings("unchecked")
    private RepositoryImpl<T> of(T entity) {
        Objects.requireNonNull(entity, () -> "the " + choice.root().getSimpleName() + " to write");
        EntityModel<? extends T> model = choice.modelOf(entity.getClass());
        if (model == null) {
            throw new ValidationException(entity.getClass().getName() + " is not one of the types of "
                    + choice.root().getSimpleName() + " " + choice.names());
        }
        return (RepositoryImpl<T>) runtime.repositoryImpl(model.type());
    }

    @SuppressWarnings("unchecked")
    private RepositoryImpl<T> of(EntityModel<? extends T> model) {
        return (RepositoryImpl<T>) runtime.repositoryImpl(model.type());
    }

    @Override
    public T create(T entity) {
        return of(entity).create(entity);
    }

    @Override
    public T save(T entity) {
        return of(entity).save(entity);
    }

    @Override
    public T upsert(T entity) {
        return of(entity).upsert(entity);
    }

    @Override
    public boolean delete(T entity) {
        return of(entity).delete(entity);
    }

    @Override
    public Optional<T> get(Object id) {
        Objects.requireNonNull(id, "id");
        Set<String> idNames = new LinkedHashSet<>();
        boolean oneIdEach = true;
        for (EntityModel<? extends T> m : choice.models()) {
            oneIdEach &= m.ids().size() == 1;
            for (Property p : m.ids()) {
                idNames.add(p.name());
            }
        }
        if (!oneIdEach || idNames.size() != 1) {
            throw new ValidationException(
                    "get(id) needs every type of " + choice.root().getSimpleName()
                            + " to have exactly one @Id field, of the same name, but their @Id fields are " + idNames
                            + "; use get(Key.of(\"field\", value).and(...)) with the fields their keys read");
        }
        return get(Key.of(idNames.iterator().next(), id));
    }

    @Override
    public Optional<T> get(Key key) {
        Found<T> found = find(candidates(key, "get"), key);
        return found == null ? Optional.empty() : Optional.of(found.model().fromItem(found.item()));
    }

    @Override
    public T update(Key key, UnaryOperator<Update> changes) {
        Objects.requireNonNull(changes, "changes");
        EntityModel<? extends T> subtype = subtypeFor(key, "update");
        if (subtype == null) {
            throw notFound(key, "update");
        }
        return of(subtype).update(key, changes);
    }

    @Override
    public boolean delete(Key key) {
        EntityModel<? extends T> subtype = subtypeFor(key, "delete");
        return subtype != null && of(subtype).delete(key);
    }

    /**
     * The subtype that a write by {@code key} acts through: the only subtype whose key can be
     * computed from the key's fields (no read), else the subtype of the one item stored among the
     * candidates' keys (one GetItem or BatchGetItem); null when none of them holds an item of its
     * type. {@link ValidationException} when no subtype's key can be computed or when several
     * candidates hold items. Transactions resolve a sealed type by the same rules.
     */
    @Nullable
    EntityModel<? extends T> subtypeFor(Key key, String operation) {
        List<Candidate<T>> candidates = candidates(key, operation);
        if (candidates.size() == 1) {
            return candidates.get(0).model();
        }
        Found<T> found = find(candidates, key);
        return found == null ? null : found.model();
    }

    /** The exception for a write by key that found no item of any candidate subtype. */
    NotFoundException notFound(Key key, String operation) {
        return new NotFoundException(operation + " found no " + choice.root().getSimpleName() + " with key " + key
                + " (looked for " + describe(candidates(key, operation)) + "); create it first (or use upsert)");
    }

    @Override
    public Query<T> where() {
        return new QueryImpl<>(planner);
    }

    @Override
    public Query<T> where(Condition condition) {
        return where().where(condition);
    }

    @Override
    public BatchResult<T> batchCreate(Collection<? extends T> entities) {
        return perSubtype(entities, RepositoryImpl::batchCreate);
    }

    @Override
    public BatchResult<T> batchUpsert(Collection<? extends T> entities) {
        return perSubtype(entities, RepositoryImpl::batchUpsert);
    }

    /**
     * Splits a batch by subtype (every entity checked first, so bad input writes nothing), runs
     * {@code batch} on each subtype's repository, and joins the outcomes: written, duplicates and
     * failed, each entity in exactly one.
     */
    private BatchResult<T> perSubtype(
            Collection<? extends T> entities, BiFunction<RepositoryImpl<T>, List<T>, BatchResult<T>> batch) {
        Objects.requireNonNull(entities, "entities");
        Map<RepositoryImpl<T>, List<T>> bySubtype = new LinkedHashMap<>();
        for (T entity : entities) {
            bySubtype.computeIfAbsent(of(entity), r -> new ArrayList<>()).add(entity);
        }
        if (bySubtype.size() > 1) {
            checkAll(entities);
        }
        List<T> written = new ArrayList<>();
        List<BatchResult.Failure<T>> failed = new ArrayList<>();
        List<T> duplicates = new ArrayList<>();
        for (Map.Entry<RepositoryImpl<T>, List<T>> e : bySubtype.entrySet()) {
            BatchResult<T> r = batch.apply(e.getKey(), e.getValue());
            written.addAll(r.written());
            failed.addAll(r.failed());
            duplicates.addAll(r.duplicates());
        }
        return new BatchResult<>(written, failed, duplicates);
    }

    /**
     * Throws the {@link ValidationException} of every invalid entity before any subtype's batch is
     * sent, so that bad input writes nothing; the checks leave the entities as they were given.
     */
    private void checkAll(Collection<? extends T> entities) {
        List<String> violations = new ArrayList<>();
        int i = 0;
        for (T entity : entities) {
            try {
                of(entity)
                        .writes()
                        .prepare(entity, WriteBuilder.Kind.UPSERT)
                        .rollback()
                        .run();
            } catch (ValidationException e) {
                for (String v : e.violations()) {
                    violations.add("item " + i + ": " + v);
                }
            }
            i++;
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    @Override
    public List<T> batchGet(Collection<Key> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<Key, List<Candidate<T>>> asked = new LinkedHashMap<>();
        for (Key key : keys) {
            if (!asked.containsKey(key)) {
                asked.put(key, candidates(key, "batchGet"));
            }
        }
        Map<Map<String, ItemValue>, Map<String, ItemValue>> items = read(asked.values());
        List<T> out = new ArrayList<>();
        for (Map.Entry<Key, List<Candidate<T>>> e : asked.entrySet()) {
            Found<T> found = owner(e.getValue(), items, e.getKey());
            if (found != null) {
                out.add(found.model().fromItem(found.item()));
            }
        }
        return out;
    }

    @Override
    public BatchResult<Key> batchDelete(Collection<Key> keys) {
        Objects.requireNonNull(keys, "keys");
        List<Key> inputs = List.copyOf(keys);
        List<List<Candidate<T>>> candidates = new ArrayList<>(inputs.size());
        List<List<Candidate<T>>> unresolved = new ArrayList<>();
        for (Key key : inputs) {
            List<Candidate<T>> c = candidates(key, "batchDelete");
            candidates.add(c);
            if (c.size() > 1) {
                unresolved.add(c);
            }
        }
        Map<Map<String, ItemValue>, Map<String, ItemValue>> items = read(unresolved);
        Map<RepositoryImpl<T>, List<Key>> bySubtype = new LinkedHashMap<>();
        List<Key> absent = new ArrayList<>();
        List<BatchResult.Failure<Key>> failed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Key key = inputs.get(i);
            List<Candidate<T>> c = candidates.get(i);
            EntityModel<? extends T> model = c.get(0).model();
            if (c.size() > 1) {
                try {
                    Found<T> found = owner(c, items, key);
                    if (found == null) {
                        // Nothing of this type to delete: as a delete of a missing key, it succeeds.
                        absent.add(key);
                        continue;
                    }
                    model = found.model();
                } catch (ValidationException ambiguous) {
                    failed.add(new BatchResult.Failure<>(key, ambiguous.getMessage()));
                    continue;
                }
            }
            bySubtype.computeIfAbsent(of(model), r -> new ArrayList<>()).add(key);
        }
        List<Key> written = new ArrayList<>(absent);
        for (Map.Entry<RepositoryImpl<T>, List<Key>> e : bySubtype.entrySet()) {
            BatchResult<Key> r = e.getKey().batchDelete(e.getValue());
            written.addAll(r.written());
            failed.addAll(r.failed());
        }
        return new BatchResult<>(written, failed);
    }

    /**
     * A subtype that a key could address, with the table key it computes.
     *
     * @param model the subtype's model
     * @param tableKey its table key from the key's fields
     */
    private record Candidate<T>(EntityModel<? extends T> model, Map<String, ItemValue> tableKey) {}

    /**
     * The subtypes whose keys can be computed from the key's fields; {@link ValidationException}
     * with every subtype's reason if none can.
     */
    private List<Candidate<T>> candidates(Key key, String operation) {
        Objects.requireNonNull(key, "key");
        List<Candidate<T>> out = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (EntityModel<? extends T> m : choice.models()) {
            try {
                out.add(new Candidate<>(m, of(m).writes().target(key, operation).key()));
            } catch (ValidationException e) {
                reasons.add(m.type().getSimpleName() + ": " + String.join("; ", e.violations()));
            }
        }
        if (out.isEmpty()) {
            throw new ValidationException(operation + " of " + choice.root().getSimpleName()
                    + ": no type's key can be computed from " + key + " (" + String.join(" | ", reasons) + ")");
        }
        return out;
    }

    /**
     * An item found for a key.
     *
     * @param model its subtype
     * @param item the stored item
     */
    private record Found<T>(EntityModel<? extends T> model, Map<String, ItemValue> item) {}

    /** The one stored item the candidates address: a GetItem for one table key, else a BatchGetItem. */
    private @Nullable Found<T> find(List<Candidate<T>> candidates, Key key) {
        return owner(candidates, read(List.of(candidates)), key);
    }

    /** The stored items at the candidates' table keys, by table key, in as few requests as possible. */
    private Map<Map<String, ItemValue>, Map<String, ItemValue>> read(Collection<List<Candidate<T>>> candidates) {
        Set<Map<String, ItemValue>> keys = new LinkedHashSet<>();
        for (List<Candidate<T>> c : candidates) {
            for (Candidate<T> candidate : c) {
                keys.add(candidate.tableKey());
            }
        }
        Map<Map<String, ItemValue>, Map<String, ItemValue>> out = new LinkedHashMap<>();
        if (keys.size() == 1) {
            Map<String, ItemValue> only = keys.iterator().next();
            store.get(only, false, null).ifPresent(item -> out.put(only, item));
        } else if (!keys.isEmpty()) {
            String pk = choice.models().get(0).layout().partitionKey();
            String sk = choice.models().get(0).layout().sortKey();
            for (Map<String, ItemValue> item : store.batchGet(new ArrayList<>(keys), false, null)) {
                out.put(Map.of(pk, item.get(pk), sk, item.get(sk)), item);
            }
        }
        return out;
    }

    /**
     * The item that belongs to one of the candidates (at its key, of its entity type); null if none;
     * {@link ValidationException} naming the subtypes if several do.
     */
    private @Nullable Found<T> owner(
            List<Candidate<T>> candidates, Map<Map<String, ItemValue>, Map<String, ItemValue>> items, Key key) {
        List<Found<T>> found = new ArrayList<>(1);
        for (Candidate<T> c : candidates) {
            Map<String, ItemValue> item = items.get(c.tableKey());
            if (item != null && choice.modelOf(item) == c.model()) {
                found.add(new Found<>(c.model(), item));
            }
        }
        if (found.size() > 1) {
            List<String> which = new ArrayList<>();
            for (Found<T> f : found) {
                which.add("a " + f.model().type().getSimpleName() + " at "
                        + ItemValues.displayKey(Map.of(
                                f.model().layout().partitionKey(),
                                f.item().get(f.model().layout().partitionKey()),
                                f.model().layout().sortKey(),
                                f.item().get(f.model().layout().sortKey()))));
            }
            throw new ValidationException(key + " of " + choice.root().getSimpleName() + " matches " + found.size()
                    + " stored items, " + String.join(" and ", which)
                    + "; read or write it through the subtype's own repository, e.g. repository("
                    + found.get(0).model().type().getSimpleName() + ".class)");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static String describe(List<? extends Candidate<?>> candidates) {
        List<String> out = new ArrayList<>();
        for (Candidate<?> c : candidates) {
            out.add(c.model().type().getSimpleName() + " at " + ItemValues.displayKey(c.tableKey()));
        }
        return String.join(", ", out);
    }

    @Override
    public String toString() {
        return "Repository<" + choice.root().getSimpleName() + "> (types " + choice.names() + ", table "
                + store.tableName() + ")";
    }
}
