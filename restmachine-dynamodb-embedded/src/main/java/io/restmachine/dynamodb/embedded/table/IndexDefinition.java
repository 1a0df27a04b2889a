package io.restmachine.dynamodb.embedded.table;

import java.util.List;
import java.util.Objects;

/**
 * A secondary index as declared: its key, its projection ({@code ALL}, {@code KEYS_ONLY} or
 * {@code INCLUDE} with non-key attributes) and, for a global index, its provisioned throughput.
 */
public record IndexDefinition(
        String name,
        boolean global,
        KeySchema key,
        String projectionType,
        List<String> nonKeyAttributes,
        long readCapacity,
        long writeCapacity) {
    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(projectionType, "projectionType");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** Whether the index projects every attribute. */
    public boolean projectsAll() {
        return projectionType.equals("ALL");
    }
}
