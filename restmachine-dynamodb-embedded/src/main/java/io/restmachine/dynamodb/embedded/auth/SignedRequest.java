package io.restmachine.dynamodb.embedded.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an HTTP request that Signature Version 4 covers.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the path as sent (still percent-encoded), e.g. {@code /}
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param headers every header value by lower-case name, in the order sent
 * @param body the request body
 */
public record SignedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(body, "body");
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach(
                (name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                        .addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = java.util.Collections.unmodifiableMap(lower);
    }

    /** The first value of header {@code name} (any case), or null when it was not sent. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
