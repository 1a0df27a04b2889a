package io.restmachine.orm.model.internal;

import io.restmachine.orm.SchemaException;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.StoreItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Several models that share one table, by their stored entity type: decodes a stored item into the
 * model its {@code entity_type} names, and leaves items of other types alone. Item collections
 * read with it; anything that reads several entity types at once (a polymorphic repository) can.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ModelsByEntityType models = ModelsByEntityType.of(List.of(userModel, orderModel));
 * Object userOrOrder = models.decode(item); // null for an item of another type
 * }</pre>
 */
public final class ModelsByEntityType {
    private final Map<String, EntityModel<?>> byType;
    private final Map<Class<?>, EntityModel<?>> byClass;
    private final String entityTypeAttribute;

    private ModelsByEntityType(Map<String, EntityModel<?>> byType, Map<Class<?>, EntityModel<?>> byClass) {
        this.byType = byType;
        this.byClass = byClass;
        this.entityTypeAttribute = byType.values().iterator().next().layout().entityType();
    }

    /**
     * The models, in the order given; a {@link SchemaException} naming both classes when two of
     * them store the same entity type (its items could not be told apart), and an {@link
     * IllegalArgumentException} when none is given or one is given twice.
     */
    public static ModelsByEntityType of(List<? extends EntityModel<?>> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model given: name at least one model class");
        }
        Map<String, EntityModel<?>> byType = new LinkedHashMap<>();
        Map<Class<?>, EntityModel<?>> byClass = new LinkedHashMap<>();
        ItemLayout layout = models.get(0).layout();
        for (EntityModel<?> model : models) {
            if (byClass.putIfAbsent(model.type(), model) != null) {
                throw new IllegalArgumentException(
                        model.type().getName() + " is given twice: name each model class once");
            }
            EntityModel<?> same = byType.putIfAbsent(model.entityType(), model);
            if (same != null) {
                throw new SchemaException(
                        same.type().getName() + " and " + model.type().getName()
                                + " both store entity type '" + model.entityType() + "', so their items can't be told"
                                + " apart: give one of them another name with @Entity(\"...\")");
            }
            if (!model.layout().equals(layout)) {
                throw new IllegalArgumentException("models of different item layouts can't be read together");
            }
        }
        return new ModelsByEntityType(byType, byClass);
    }

    /** The models, in the order given. */
    public List<EntityModel<?>> models() {
        return new ArrayList<>(byClass.values());
    }

    /** The stored entity type names, in the order given. */
    public List<String> entityTypes() {
        return new ArrayList<>(byType.keySet());
    }

    /** The model class of this type, or null if it is not one of these models. */
    public @Nullable EntityModel<?> model(Class<?> type) {
        return byClass.get(type);
    }

    /** The simple names of the model classes, for messages: {@code [User, Order]}. */
    public List<String> classNames() {
        List<String> names = new ArrayList<>(byClass.size());
        for (Class<?> type : byClass.keySet()) {
            names.add(type.getSimpleName());
        }
        return names;
    }

    /** The model a stored item belongs to, or null when its entity type is none of these. */
    public @Nullable EntityModel<?> modelOf(StoreItem item) {
        String type = item.string(entityTypeAttribute);
        return type == null ? null : byType.get(type);
    }

    /** The item as an instance of its model (running {@code @AfterLoad}), or null when it is of another type. */
    public @Nullable Object decode(StoreItem item) {
        EntityModel<?> model = modelOf(item);
        return model == null ? null : model.fromItem(item);
    }
}
