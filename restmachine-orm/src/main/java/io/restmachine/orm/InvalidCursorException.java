package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/** A pagination cursor was truncated, tampered with, or belongs to another query. */
public class InvalidCursorException extends OrmException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
        super(message);
    }

    public InvalidCursorException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
