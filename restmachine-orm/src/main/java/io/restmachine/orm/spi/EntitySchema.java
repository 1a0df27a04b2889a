package io.restmachine.orm.spi;

import io.restmachine.orm.IndexProjection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
     * @param projection what the index copies from each item
     * @param included the stored attributes an {@code INCLUDE} index copies besides the keys (the
     *     entity type attribute among them); empty for the other projections
     */
    public record IndexSchema(String name, boolean hasSortKey, IndexProjection projection, Set<String> included) {
        public IndexSchema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(projection, "projection");
            included = Collections.unmodifiableSet(new TreeSet<>(included));
        }

        /** An index projecting every attribute. */
        public IndexSchema(String name, boolean hasSortKey) {
            this(name, hasSortKey, IndexProjection.ALL, Set.of());
        }
    }
}
