package io.restmachine.orm.spi;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a backend needs to know of one model to create its table.
 *
 * @param entityType the stored entity type name
 * @param modelClass the model class
 * @param indexes the global secondary indexes the model declares
 * @param ttlAttribute the stored name of the model's {@code @Ttl} attribute, or null if it has none
 */
public record EntitySchema(
        String entityType, Class<?> modelClass, List<IndexSchema> indexes, @Nullable String ttlAttribute) {
    public EntitySchema {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(modelClass, "modelClass");
        indexes = List.copyOf(indexes);
    }

    /** A model without a {@code @Ttl} attribute. */
    public EntitySchema(String entityType, Class<?> modelClass, List<IndexSchema> indexes) {
        this(entityType, modelClass, indexes, null);
    }

    /**
     * One global secondary index.
     *
     * @param name the index name
     * @param hasSortKey whether the model declares an index sort key for it
     */
    public record IndexSchema(String name, boolean hasSortKey) {
        public IndexSchema {
            Objects.requireNonNull(name, "name");
        }
    }
}
