package io.restmachine.dynamodb.embedded.action;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import java.io.IOException;

/**
 * One DynamoDB operation: the shape of its request (checked by the protocol layer before
 * {@link #execute}), then validate → execute → render. Errors are thrown as
 * {@link io.restmachine.dynamodb.embedded.error.EngineException}s and rendered by the protocol
 * layer; an action that throws has changed nothing.
 */
public interface Action {
    /** The operation name, as in {@code X-Amz-Target: DynamoDB_20120810.<name>}. */
    String name();

    /** The declared request members and their constraints. */
    Shape.Struct shape();

    /** Validates the type-checked request, performs it and writes the response object. */
    void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException;

    /** Whether this operation reads or writes items (throttled as ProvisionedThroughputExceeded). */
    default boolean dataPlane() {
        return true;
    }
}
