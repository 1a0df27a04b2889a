package io.restmachine.orm.repository.internal;

import io.restmachine.orm.CollectionQuery;
import io.restmachine.orm.OrmSettings;
import io.restmachine.orm.Repository;
import io.restmachine.orm.ValidationException;
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
    private final Map<Class<?>, Repository<?>> repositories = new ConcurrentHashMap<>();

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

    /**
     * The repository of a class, created once: of its model, or, for a sealed interface or abstract
     * class, of the models of its concrete subtypes.
     */
    @SuppressWarnings("unchecked")
    public <T> Repository<T> repository(Class<T> type) {
        Repository<?> known = repositories.get(type);
        if (known == null) {
            // Build the model outside computeIfAbsent: building may recurse into nested types.
            Repository<T> created = ModelFactory.isSealed(type)
                    ? new SealedRepository<>(this, models.sealed(type))
                    : new RepositoryImpl<>(this, models.model(type));
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

    /**
     * The repository of one model, for transactions and sealed repositories; a sealed type gets a
     * {@link ValidationException} asking for the concrete type.
     */
    @SuppressWarnings("unchecked")
    <T> RepositoryImpl<T> repositoryImpl(Class<T> type) {
        Repository<T> repository = repository(type);
        if (repository instanceof RepositoryImpl<T> impl) {
            return impl;
        }
        throw new ValidationException(type.getSimpleName() + " is sealed, and this operation needs the concrete type"
                + " of the item: name one of " + models.sealed(type).names() + " (e.g. "
                + models.sealed(type).names().get(0) + ".class)");
    }

    /** The models of a class: its own, or those of a sealed type's concrete subtypes. */
    public List<EntityModel<?>> modelsOf(Class<?> type) {
        if (ModelFactory.isSealed(type)) {
            return List.copyOf(models.sealed(type).models());
        }
        return List.of(models.model(type));
    }
}
