package io.restmachine.orm.spi;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link Store} when a write's condition did not hold. The core turns it into the
 * user-facing exception that fits the operation (duplicate key, not found, version conflict,
 * condition failed).
 */
public final class WriteRejectedByStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable StoreItem existingItem;

    /**
     * @param existingItem the item as stored when the check failed (DynamoDB's
     *     {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}), or null when the item does not
     *     exist or the server did not return it
     */
    public WriteRejectedByStoreException(String message, @Nullable StoreItem existingItem, @Nullable Throwable cause) {
        super(message, cause);
        this.existingItem = existingItem;
    }

    /** The stored item at the time of the failed check, or null if absent or not returned. */
    public @Nullable StoreItem existingItem() {
        return existingItem;
    }
}
