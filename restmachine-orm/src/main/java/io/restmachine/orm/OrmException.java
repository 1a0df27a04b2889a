package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/** Root of every exception restmachine-orm throws; all are unchecked. */
public class OrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrmException(String message) {
        super(message);
    }

    public OrmException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
