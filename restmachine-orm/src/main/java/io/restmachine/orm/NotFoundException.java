package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/** {@code save} or {@code update} addressed an item that does not exist. */
public class NotFoundException extends OrmException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
