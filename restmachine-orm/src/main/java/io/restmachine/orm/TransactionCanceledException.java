package io.restmachine.orm;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transaction was cancelled and nothing in it was written. {@link #reasons()} holds one entry per
 * action, in the order the actions were added; actions that did not cause the cancellation have
 * code {@code "None"}.
 */
public class TransactionCanceledException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final List<Reason> reasons;

    public TransactionCanceledException(String message, List<Reason> reasons, @Nullable Throwable cause) {
        super(message, cause);
        this.reasons = List.copyOf(reasons);
    }

    /** One reason per action, in action order. */
    public List<Reason> reasons() {
        return reasons;
    }

    /**
     * Why one action of a cancelled transaction failed.
     *
     * @param index the action's position in the transaction, from 0
     * @param code DynamoDB's cancellation code ({@code None}, {@code ConditionalCheckFailed},
     *     {@code TransactionConflict}, {@code ValidationError}, ...)
     * @param message DynamoDB's message, or empty
     * @param exception the restmachine exception this reason maps to ({@link DuplicateKeyException},
     *     {@link NotFoundException}, {@link ConflictException}, {@link ConditionFailedException}, ...),
     *     or null for code {@code None}
     */
    public record Reason(int index, String code, String message, @Nullable OrmException exception) {
        public Reason {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        /** Whether this action caused (part of) the cancellation. */
        public boolean failed() {
            return !"None".equals(code);
        }
    }
}
