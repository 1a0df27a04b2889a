package io.restmachine.orm.model.internal;

import io.restmachine.orm.SchemaException;
import io.restmachine.orm.spi.FormattedItem;
import io.restmachine.orm.spi.ItemValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Several models stored in one table, told apart by their entity type: the one place that turns a
 * stored item into an instance of one of several models (the subtypes of a sealed repository).
 * Immutable and thread-safe.
 *
 * @param <T> a type every model's class is assignable to
 */
public final class ModelChoice<T> {
    private final Class<T> root;
    private final List<EntityModel<? extends T>> models;
    private final Map<String, EntityModel<? extends T>> byEntityType;
    private final Map<Class<?>, EntityModel<? extends T>> byClass;
    private final String entityTypeAttribute;

    private ModelChoice(Class<T> root, List<EntityModel<? extends T>> models) {
        this.root = root;
        this.models = List.copyOf(models);
        Map<String, EntityModel<? extends T>> types = new LinkedHashMap<>();
        Map<Class<?>, EntityModel<? extends T>> classes = new HashMap<>();
        for (EntityModel<? extends T> m : models) {
            EntityModel<? extends T> other = types.putIfAbsent(m.entityType(), m);
            if (other != null) {
                throw new SchemaException(root.getName() + ": " + other.type().getName() + " and "
                        + m.type().getName() + " both have the entity type '" + m.entityType()
                        + "', so their stored items could not be told apart. Fix: give one of them its own name"
                        + " with @Entity(\"...\").");
            }
            classes.put(m.type(), m);
        }
        this.byEntityType = Map.copyOf(types);
        this.byClass = Map.copyOf(classes);
        this.entityTypeAttribute = models.get(0).layout().entityType();
    }

    /**
     * The choice among these models (at least one); {@link SchemaException} naming both classes if
     * two share an entity type.
     */
    public static <T> ModelChoice<T> of(Class<T> root, List<EntityModel<? extends T>> models) {
        if (models.isEmpty()) {
            throw new SchemaException(root.getName() + " has no concrete type to map. Fix: permit a record or class.");
        }
        return new ModelChoice<>(root, models);
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
    public @Nullable EntityModel<? extends T> modelOf(Class<?> type) {
        return byClass.get(type);
    }

    /** The model whose entity type a stored item has, or null if it has none of theirs. */
    public @Nullable EntityModel<? extends T> modelOf(Map<String, ItemValue> item) {
        String type = entityTypeOf(item);
        return type == null ? null : byEntityType.get(type);
    }

    private @Nullable String entityTypeOf(Map<String, ItemValue> item) {
        if (item instanceof FormattedItem<?> formatted) {
            return storedString(formatted);
        }
        return item.get(entityTypeAttribute) instanceof ItemValue.S s ? s.value() : null;
    }

    private <V> @Nullable String storedString(FormattedItem<V> item) {
        V value = item.stored().get(entityTypeAttribute);
        return value == null ? null : item.format().asString(value);
    }

    /** The simple class names of the models, for messages: {@code [Car, Truck]}. */
    public List<String> names() {
        List<String> out = new ArrayList<>(models.size());
        for (EntityModel<? extends T> m : models) {
            out.add(m.type().getSimpleName());
        }
        return out;
    }

    @Override
    public String toString() {
        return root.getSimpleName() + names();
    }
}
