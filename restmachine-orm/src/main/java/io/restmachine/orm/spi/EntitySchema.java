package io.restmachine.orm.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a backend needs to know of one model to create its table.
 *
 * @param entityType the stored entity type name
 * @param modelClass the model class
 * @param indexes the global secondary indexes the model declares
 */
public record EntitySchema(String entityType, Class<?> modelClass, List<IndexSchema> indexes) {
    public EntitySchema {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(modelClass, "modelClass");
        indexes = List.copyOf(indexes);
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
