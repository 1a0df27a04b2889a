package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A normalised response: HTTP status, the error type after {@code #} and its message (when the
 * body is an error), and the rest of the body with volatile fields removed and unordered
 * collections sorted (see {@link Normalizer}).
 */
record Response(int status, @Nullable String errorType, @Nullable String message, JsonNode body) {

    /** A readable one-value form for failure messages and diffs. */
    String render() {
        StringBuilder text = new StringBuilder().append("HTTP ").append(status);
        if (errorType != null) {
            text.append(' ').append(errorType);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        text.append('\n').append(Json.pretty(body));
        return text.toString();
    }
}
