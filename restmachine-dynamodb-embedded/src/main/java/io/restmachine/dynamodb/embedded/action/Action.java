package io.restmachine.dynamodb.embedded.action;

/**
 * One DynamoDB operation on typed values: it takes the request record the protocol layer decoded
 * (and validated as far as it can be without the table) and returns the result record the
 * protocol layer renders. When it cannot, its {@link Failure} (a sealed value) travels to the
 * protocol layer in an {@link EngineFailure}, or, from the lower layers, as a
 * {@link io.restmachine.dynamodb.embedded.error.EngineException} that stands for a
 * {@link Failure.Rejected}; an action that fails has changed nothing.
 *
 * @param <Q> the request record
 * @param <R> the result record
 */
public interface Action<Q, R> {
    R execute(Q request, Engine engine);
}
