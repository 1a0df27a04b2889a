package io.restmachine.dynamodb.embedded.action;

/**
 * Carries a {@link Failure} from inside an action to the protocol layer, which renders it. Stackless,
 * like {@link io.restmachine.dynamodb.embedded.error.EngineException}: an expected outcome, not a
 * bug report.
 */
public final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    EngineFailure(Failure failure) {
        super(failure.error().type().wireName() + ": " + failure.error().message(), null, false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
