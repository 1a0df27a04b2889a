package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/** {@code create} found an item with the same key already stored. */
public class DuplicateKeyException extends OrmException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message) {
        super(message);
    }

    public DuplicateKeyException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
