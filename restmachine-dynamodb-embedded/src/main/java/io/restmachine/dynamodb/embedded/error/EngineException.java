package io.restmachine.dynamodb.embedded.error;

/**
 * Carries a {@link DynamoError} from deep inside the engine to the protocol layer. It has no
 * stack trace: it is control flow for an expected outcome, not a bug report.
 */
public final class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DynamoError error;

    public EngineException(DynamoError error) {
        super(error.type().wireName() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    /** The error this exception carries. */
    public DynamoError error() {
        return error;
    }

    /** Shorthand: a ValidationException carrier. */
    public static EngineException validation(String message) {
        return new EngineException(DynamoError.validation(message));
    }
}
