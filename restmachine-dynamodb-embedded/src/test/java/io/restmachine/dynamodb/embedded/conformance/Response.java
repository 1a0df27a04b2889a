package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A normalised response: HTTP status, the error type after {@code #} and its message (when the
 * body is an error), and the rest of the body with volatile fields removed and unordered
 * collections sorted (see {@link Normalizer}), and the CORS headers ({@code access-control-*}, names in
 * lower case) that came with it.
 */
record Response(
        int status, @Nullable String errorType, @Nullable String message, JsonNode body, Map<String, String> headers) {

    /** A response without CORS headers. */
    Response(int status, @Nullable String errorType, @Nullable String message, JsonNode body) {
        this(status, errorType, message, body, Map.of());
    }

    Response {
        headers = Collections.unmodifiableMap(new TreeMap<>(headers));
    }

    /** This response with {@code headers}, the CORS headers ({@code access-control-*}) it came with. */
    Response withHeaders(Map<String, String> headers) {
        return new Response(status, errorType, message, body, headers);
    }

    /** A readable one-value form for failure messages and diffs. */
    String render() {
        StringBuilder text = new StringBuilder().append("HTTP ").append(status);
        if (errorType != null) {
            text.append(' ').append(errorType);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        headers.forEach(
                (name, value) -> text.append('\n').append(name).append(": ").append(value));
        text.append('\n').append(Json.pretty(body));
        return text.toString();
    }
}
