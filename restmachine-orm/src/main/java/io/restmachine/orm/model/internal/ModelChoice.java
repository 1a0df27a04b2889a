package io.restmachine.orm.model.internal;

import io.restmachine.orm.SchemaException;
import io.restmachine.orm.spi.StoreItem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The models of a sealed type's concrete subtypes: {@link ModelsByEntityType} (which tells their
 * stored items apart by entity type), typed by the sealed type. Immutable and thread-safe.
 *
 * @param <T> the sealed type every model's class implements
 */
public final class ModelChoice<T> {
    private final Class<T> root;
    private final List<EntityModel<? extends T>> models;
    private final ModelsByEntityType byEntityType;

    private ModelChoice(Class<T> root, List<EntityModel<? extends T>> models, ModelsByEntityType byEntityType) {
        this.root = root;
        this.models = List.copyOf(models);
        this.byEntityType = byEntityType;
    }

    /**
     * The choice among these models (at least one); {@link SchemaException} naming the sealed type
     * and both classes if two share an entity type.
     */
    public static <T> ModelChoice<T> of(Class<T> root, List<EntityModel<? extends T>> models) {
        if (models.isEmpty()) {
            throw new SchemaException(root.getName() + " has no concrete type to map. Fix: permit a record or class.");
        }
        try {
            return new ModelChoice<>(root, models, ModelsByEntityType.of(models));
        } catch (SchemaException e) {
            throw new SchemaException(root.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The type every model is assignable to (the sealed type). */
    public Class<T> root() {
        return root;
    }

    /** The models, in declaration order. */
    public List<EntityModel<? extends T>> models() {
        return models;
    }

    /** The model of an instance's class, or null if it is not one of these models. */
    @SuppressWarnings("unchecked")
    public @Nullable EntityModel<? extends T> modelOf(Class<?> type) {
        return (EntityModel<? extends T>) byEntityType.model(type);
    }

    /** The model whose entity type a stored item has, or null if it has none of theirs. */
    @SuppressWarnings("unchecked")
    public @Nullable EntityModel<? extends T> modelOf(StoreItem item) {
        return (EntityModel<? extends T>) byEntityType.modelOf(item);
    }

    /** The simple class names of the models, for messages: {@code [Car, Truck]}. */
    public List<String> names() {
        return byEntityType.classNames();
    }

    @Override
    public String toString() {
        return root.getSimpleName() + names();
    }
}
