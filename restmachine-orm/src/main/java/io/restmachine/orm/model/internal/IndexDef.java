package io.restmachine.orm.model.internal;

import io.restmachine.orm.IndexProjection;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A global secondary index a model declares.
 *
 * @param name the index name
 * @param partitionKey how the index partition key is computed
 * @param sortKey how the index sort key is computed, or null if the index has none
 * @param projection what the index copies from each item
 * @param included the stored attributes an {@code INCLUDE} index copies besides the keys and the
 *     entity type (empty for the other projections)
 */
public record IndexDef(
        String name, KeyDef partitionKey, @Nullable KeyDef sortKey, IndexProjection projection, Set<String> included) {
    public IndexDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(projection, "projection");
        included = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(included));
    }

    /** An index projecting every attribute. */
    public IndexDef(String name, KeyDef partitionKey, @Nullable KeyDef sortKey) {
        this(name, partitionKey, sortKey, IndexProjection.ALL, Set.of());
    }

    /**
     * Whether the index holds these stored attributes besides its keys; {@code entityType} is the
     * entity-type attribute, which an {@code INCLUDE} index always copies.
     */
    public boolean holds(Set<String> attributes, String entityType) {
        return switch (projection) {
            case ALL -> true;
            case KEYS_ONLY -> false;
            case INCLUDE -> attributes.stream().allMatch(a -> a.equals(entityType) || included.contains(a));
        };
    }
}
