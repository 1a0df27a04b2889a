package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.action.Action;
import io.restmachine.dynamodb.embedded.action.Engine;
import java.io.IOException;
import java.util.function.Function;

/**
 * One operation as the protocol layer runs it: the shape its body is decoded against, the decoder
 * into its request record, the action, and the renderer of its result.
 */
interface Route {
    String name();

    Shape.Struct shape();

    /** Whether it reads or writes items (throttled as ProvisionedThroughputExceeded). */
    boolean dataPlane();

    /** Runs the decoded, constraint-checked request and writes the response. */
    void run(Fields request, Engine engine, JsonGenerator out) throws IOException;

    /** Writes a result record as its JSON response. */
    @FunctionalInterface
    interface Renderer<R> {
        void write(JsonGenerator out, R result) throws IOException;
    }

    /** An action on typed requests and results. */
    record Typed<Q, R>(
            String name,
            Shape.Struct shape,
            boolean dataPlane,
            Function<Fields, Q> decoder,
            Action<Q, R> action,
            Renderer<R> renderer)
            implements Route {
        @Override
        public void run(Fields request, Engine engine, JsonGenerator out) throws IOException {
            renderer.write(out, action.execute(decoder.apply(request), engine));
        }
    }
}
