package io.restmachine.orm.spi;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link Store} when TransactWriteItems or TransactGetItems was cancelled. The core
 * maps each reason to a user-facing exception.
 */
public final class TransactionCanceledByStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Reason> reasons;

    public TransactionCanceledByStoreException(String message, List<Reason> reasons, @Nullable Throwable cause) {
        super(message, cause);
        this.reasons = List.copyOf(reasons);
    }

    /** One reason per action, in action order. */
    public List<Reason> reasons() {
        return reasons;
    }

    /**
     * DynamoDB's CancellationReason for one action.
     *
     * @param code {@code None}, {@code ConditionalCheckFailed}, {@code TransactionConflict}, ...
     * @param message the service's message, or empty
     * @param item the item at the time of a failed condition, when returned, else null
     */
    public record Reason(String code, String message, @Nullable StoreItem item) {
        public Reason {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
