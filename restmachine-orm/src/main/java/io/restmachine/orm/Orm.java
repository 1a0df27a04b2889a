package io.restmachine.orm;

import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelsByEntityType;
import io.restmachine.orm.repository.internal.OrmRuntime;
import io.restmachine.orm.repository.internal.TransactionImpl;
import io.restmachine.orm.spi.EntitySchema;
import io.restmachine.orm.spi.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The core's entry point for a backend: it turns model classes into repositories and transactions
 * over the backend's {@link Store}. A backend creates one {@code Orm} and delegates to it.
 *
 * <pre>{@code
 * Orm orm = Orm.create(store, new OrmSettings(ItemLayout.defaults(), secret, Clock.systemUTC()));
 * Repository<User> users = orm.repository(User.class);
 * orm.transaction(tx -> tx.create(user).delete(Order.class, key));
 * }</pre>
 */
public final class Orm {
    private final Store store;
    private final OrmSettings settings;
    private final OrmRuntime runtime;

    private Orm(Store store, OrmSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.runtime = new OrmRuntime(store, settings);
    }

    /** An ORM over this store. */
    public static Orm create(Store store, OrmSettings settings) {
        return new Orm(store, settings);
    }

    /**
     * The repository of a model class, created on first use and cached; throws {@code
     * SchemaException} if the class cannot be mapped.
     */
    public <T> Repository<T> repository(Class<T> type) {
        return runtime.repository(Objects.requireNonNull(type, "type"));
    }

    /**
     * A read of the items of several models in one partition (an item collection): one DynamoDB
     * Query per page, filtered to these models' entity types.
     *
     * <pre>{@code
     * ItemCollection alice = orm.collection(User.class, Order.class).partition("USER#alice").list();
     * }</pre>
     *
     * Throws {@code SchemaException} if a class can't be mapped or two store the same entity type,
     * and {@link IllegalArgumentException} if none is given or one is given twice.
     */
    public CollectionQuery collection(Class<?>... types) {
        return runtime.collection(List.of(types));
    }

    /** The schema of a model (entity type, GSIs); validates the model like {@link #repository}. */
    public EntitySchema schema(Class<?> type) {
        return runtime.model(Objects.requireNonNull(type, "type")).schema();
    }

    /**
     * The schemas of a model class, or of every concrete type of a sealed interface or abstract
     * class; validates like {@link #repository}.
     */
    public List<EntitySchema> schemas(Class<?> type) {
        List<EntitySchema> out = new ArrayList<>();
        for (EntityModel<?> model : runtime.modelsOf(Objects.requireNonNull(type, "type"))) {
            out.add(model.schema());
        }
        return out;
    }

    /**
     * Runs the actions collected by {@code body} as one TransactWriteItems call (at most 100
     * actions, each on a different item); throws {@code TransactionCanceledException} with one
     * reason per action if it is cancelled, and {@code ValidationException} (nothing sent) if an
     * action is invalid.
     */
    public void transaction(Consumer<? super Transaction> body) {
        TransactionImpl.run(runtime, body);
    }

    /**
     * One item to read in {@link #transactGet}.
     *
     * @param type the model class
     * @param key the fields its keys read
     * @param <T> the model type
     */
    public record Get<T>(Class<T> type, Key key) {
        public Get {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * Reads up to 100 items of any models in one TransactGetItems call (a consistent snapshot):
     * one entry per request, in order, empty where there is no item of that type.
     */
    public List<Optional<Object>> transactGet(List<Get<?>> gets) {
        Objects.requireNonNull(gets, "gets");
        if (gets.size() > TransactionImpl.MAX_ACTIONS) {
            throw new ValidationException("transactGet reads at most " + TransactionImpl.MAX_ACTIONS + " items, got "
                    + gets.size() + ": split the read");
        }
        List<Map<String, ItemValue>> keys = new ArrayList<>(gets.size());
        List<EntityModel<?>> models = new ArrayList<>(gets.size());
        Map<Map<String, ItemValue>, Integer> seen = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < gets.size(); i++) {
            Get<?> g = gets.get(i);
            EntityModel<?> model = runtime.model(g.type());
            Map<String, ItemValue> key;
            try {
                key = model.tableKey(g.key());
            } catch (ValidationException e) {
                for (String v : e.violations()) {
                    violations.add("read " + i + ": " + v);
                }
                continue;
            }
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                violations.add("reads " + first + " and " + i + " address the same item; read it once");
            }
            keys.add(key);
            models.add(model);
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Optional<Map<String, ItemValue>>> items = store.transactGet(keys);
        List<Optional<Object>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            EntityModel<?> model = models.get(i);
            Optional<Map<String, ItemValue>> item = items.get(i);
            out.add(item.filter(model::owns).map(model::fromItem));
        }
        return out;
    }

    /** {@link #transactGet(List)} for items of one model: one entry per key, in order. */
    public <T> List<Optional<T>> transactGet(Class<T> type, List<Key> keys) {
        List<Get<?>> gets = new ArrayList<>(keys.size());
        for (Key k : keys) {
            gets.add(new Get<>(type, k));
        }
        List<Optional<T>> out = new ArrayList<>(keys.size());
        for (Optional<Object> o : transactGet(gets)) {
            out.add(o.map(type::cast));
        }
        return out;
    }

    /**
     * The stored item of a model instance, with its table keys, entity type and index keys, as a
     * write would store it (without hooks, timestamps, versions or Bean Validation); for tools,
     * exports and benchmarks. Throws {@link ValidationException} if it can't be stored.
     */
    @SuppressWarnings("unchecked")
    public <T> Map<String, ItemValue> toItem(T entity) {
        Objects.requireNonNull(entity, "entity");
        EntityModel<T> model = (EntityModel<T>) runtime.model(entity.getClass());
        return model.toItem(entity);
    }

    /** A model instance read from a stored item, as a read would (running {@code @AfterLoad}). */
    public <T> T fromItem(Class<T> type, Map<String, ItemValue> item) {
        return runtime.model(Objects.requireNonNull(type, "type")).fromItem(Objects.requireNonNull(item, "item"));
    }

    /**
     * A decoder of stored items into {@code type}, or, for a sealed interface or abstract class,
     * into each of its concrete models by entity type; throws {@code SchemaException} if a class
     * can't be mapped.
     */
    public <T> ItemDecoder<T> decoder(Class<T> type) {
        Objects.requireNonNull(type, "type");
        ModelsByEntityType models = ModelsByEntityType.of(runtime.modelsOf(type));
        return item -> Optional.ofNullable(models.decode(Objects.requireNonNull(item, "item")))
                .map(type::cast);
    }

    /** The store this ORM writes through. */
    public Store store() {
        return store;
    }

    /** The settings this ORM was created with. */
    public OrmSettings settings() {
        return settings;
    }
}
