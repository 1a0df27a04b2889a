package io.restmachine.orm.model.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A global secondary index a model declares.
 *
 * @param name the index name
 * @param partitionKey how the index partition key is computed
 * @param sortKey how the index sort key is computed, or null if the index has none
 */
public record IndexDef(String name, KeyDef partitionKey, @Nullable KeyDef sortKey) {
    public IndexDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }
}
