package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/** An optimistic-locking check failed: the stored {@code @Version} differs from the one sent. */
public class ConflictException extends OrmException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
