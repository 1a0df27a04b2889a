package io.restmachine.orm.repository.internal;

import io.restmachine.orm.CollectionQuery;
import io.restmachine.orm.OrmSettings;
import io.restmachine.orm.Repository;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.model.internal.ModelsByEntityType;
import io.restmachine.orm.query.internal.CollectionQueryImpl;
import io.restmachine.orm.query.internal.CursorCodec;
import io.restmachine.orm.spi.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the repositories of one {@code Orm} share: the store, settings, models, bean
 * validation and the cursor signer. Thread-safe.
 */
public final class OrmRuntime {
    private final Store store;
    private final OrmSettings settings;
    private final ModelFactory models;
    private final BeanValidation validation;
    private final CursorCodec cursors;
    private final Map<Class<?>, RepositoryImpl<?>> repositories = new ConcurrentHashMap<>();

    /** A runtime over this store. */
    public OrmRuntime(Store store, OrmSettings settings) {
        this.store = store;
        this.settings = settings;
        this.models = new ModelFactory(settings.layout(), settings.converters());
        this.validation = BeanValidation.detect();
        this.cursors = new CursorCodec(settings.cursorKey());
    }

    /** The store. */
    public Store store() {
        return store;
    }

    /** The settings. */
    public OrmSettings settings() {
        return settings;
    }

    /** The model factory (and its codecs). */
    public ModelFactory models() {
        return models;
    }

    BeanValidation validation() {
        return validation;
    }

    CursorCodec cursors() {
        return cursors;
    }

    /** The model of a class; {@code SchemaException} if it can't be mapped. */
    public <T> EntityModel<T> model(Class<T> type) {
        return models.model(type);
    }

    /** The repository of a class, created once. */
    @SuppressWarnings("unchecked")
    public <T> Repository<T> repository(Class<T> type) {
        RepositoryImpl<?> known = repositories.get(type);
        if (known == null) {
            // Build the model outside computeIfAbsent: building may recurse into nested types.
            RepositoryImpl<T> created = new RepositoryImpl<>(this, models.model(type));
            known = repositories.putIfAbsent(type, created);
            if (known == null) {
                known = created;
            }
        }
        return (Repository<T>) known;
    }

    /**
     * A read of the items of these models in one partition; {@code SchemaException} if a class
     * can't be mapped or two store the same entity type.
     */
    public CollectionQuery collection(List<Class<?>> types) {
        List<EntityModel<?>> listed = new ArrayList<>(types.size());
        for (Class<?> type : types) {
            listed.add(models.model(Objects.requireNonNull(type, "model class")));
        }
        return new CollectionQueryImpl(store, cursors, ModelsByEntityType.of(listed));
    }

    /** The repository implementation, for transactions. */
    @SuppressWarnings("unchecked")
    <T> RepositoryImpl<T> repositoryImpl(Class<T> type) {
        return (RepositoryImpl<T>) repository(type);
    }
}
