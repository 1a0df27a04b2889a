package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A part of a request read ahead of its turn: its value, or the error reading it gave. DynamoDB
 * checks some parts of a request only after it has looked up a table for an earlier part (each
 * action of a transaction in turn); the decoder reads them all at once, and the action meets
 * each error where DynamoDB would report it, by calling {@link #get} at that point.
 */
public final class Validated<T> {
    private final @Nullable T value;
    private final @Nullable EngineException error;

    private Validated(@Nullable T value, @Nullable EngineException error) {
        this.value = value;
        this.error = error;
    }

    /** Reads {@code read} now, keeping its value or its error. */
    public static <T> Validated<T> of(Supplier<T> read) {
        try {
            return new Validated<>(read.get(), null);
        } catch (EngineException e) {
            return new Validated<>(null, e);
        }
    }

    /** The value, or the error reading it gave, thrown now. */
    public T get() {
        if (error != null) {
            throw error;
        }
        return value;
    }
}
