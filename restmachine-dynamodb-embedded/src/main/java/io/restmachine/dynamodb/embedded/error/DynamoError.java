package io.restmachine.dynamodb.embedded.error;

import java.util.Objects;

/**
 * An error the engine answers with, as a value: its type (which fixes the wire type and HTTP
 * status) and DynamoDB's message text. Only the protocol layer renders these.
 *
 * @param type the error type
 * @param message the message, as DynamoDB words it
 */
public record DynamoError(ErrorType type, String message) {
    public DynamoError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /** A {@code ValidationException} with this message. */
    public static DynamoError validation(String message) {
        return new DynamoError(ErrorType.VALIDATION, message);
    }

    /** This error as a throwable, for unwinding to the protocol layer. */
    public EngineException toException() {
        return new EngineException(this);
    }
}
