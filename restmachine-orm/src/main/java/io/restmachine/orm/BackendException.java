package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/** The storage backend failed (network, throttling beyond retries, missing table, ...); the cause is kept. */
public class BackendException extends OrmException {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
