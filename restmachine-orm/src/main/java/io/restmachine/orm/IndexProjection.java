package io.restmachine.orm;

/**
 * Which attributes a global secondary index copies from the table's items, as declared on {@link
 * IndexPartitionKey#projection()}. {@code createTable()} creates the index this way, and queries use
 * it by themselves only when it holds everything they return.
 */
public enum IndexProjection {
    /** Every attribute (the default): the index serves any read. */
    ALL,
    /** Only the table and index keys: no model can be read from it, so it is never chosen by itself. */
    KEYS_ONLY,
    /** The keys, the entity type and the fields named in {@link IndexPartitionKey#include()}. */
    INCLUDE
}
