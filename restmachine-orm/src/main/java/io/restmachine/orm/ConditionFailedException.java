package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/** A condition given with a write or a transaction check did not hold; nothing was written. */
public class ConditionFailedException extends OrmException {
    private static final long serialVersionUID = 1L;

    public ConditionFailedException(String message) {
        super(message);
    }

    public ConditionFailedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
