package io.restmachine.dynamodb.embedded.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which web pages may call the server from a browser (CORS), and the headers that say so, as
 * DynamoDB sends them: a request with an allowed {@code Origin} gets {@code
 * Access-Control-Allow-Origin}; an {@code OPTIONS} preflight from one gets 200 with its requested
 * headers and method allowed for 172,800 s. Other origins get no CORS header, so the browser keeps
 * the page from reading the answer. DynamoDB allows every origin ({@code *}); a local server
 * without authentication must not, or any page open in the developer's browser could read and
 * change their tables, so no origin is allowed unless configured.
 *
 * @param origins the allowed origins ({@code https://app.example:3000}), or {@code *} for any
 */
record Cors(List<String> origins) {
    /** No origin allowed: no CORS headers at all. */
    static final Cors NONE = new Cors(List.of());

    private static final String MAX_AGE = "172800";

    Cors {
        origins = List.copyOf(origins);
    }

    /** The value of {@code Access-Control-Allow-Origin} for {@code origin}, or null when it is not allowed. */
    @Nullable
    String allowOrigin(@Nullable String origin) {
        if (origin == null || origins.isEmpty()) {
            return null;
        }
        if (origins.contains("*")) {
            return "*";
        }
        return origins.contains(origin) ? origin : null;
    }

    /** The answer to a preflight from an allowed origin. */
    WireResponse preflight(String allowOrigin, Map<String, String> headers, String requestId) {
        Map<String, String> answer = new HashMap<>();
        answer.put("x-amzn-RequestId", requestId);
        answer.put("Access-Control-Allow-Origin", allowOrigin);
        String requestHeaders = headers.get("access-control-request-headers");
        if (requestHeaders != null) {
            answer.put("Access-Control-Allow-Headers", requestHeaders);
        }
        String requestMethod = headers.get("access-control-request-method");
        if (requestMethod != null) {
            answer.put("Access-Control-Allow-Methods", requestMethod);
        }
        answer.put("Access-Control-Max-Age", MAX_AGE);
        if (!allowOrigin.equals("*")) {
            answer.put("Vary", "Origin");
        }
        return new WireResponse(200, answer, new byte[0]);
    }

    /** {@code response} with the CORS headers for an allowed origin. */
    static WireResponse allowed(WireResponse response, String allowOrigin) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("Access-Control-Allow-Origin", allowOrigin);
        if (!allowOrigin.equals("*")) {
            headers.put("Vary", "Origin");
        }
        return new WireResponse(response.status(), headers, response.body());
    }
}
