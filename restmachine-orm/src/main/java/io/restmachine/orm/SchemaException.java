package io.restmachine.orm;

import org.jspecify.annotations.Nullable;

/** A model class cannot be mapped; thrown when its repository is created, naming the class, the member and the fix. */
public class SchemaException extends OrmException {
    private static final long serialVersionUID = 1L;

    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
