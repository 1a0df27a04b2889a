package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a response must look like: any of HTTP status, error type (the part after {@code #}), error
 * message and the whole normalised body; absent parts are not checked.
 *
 * <p>In a scenario file, {@code "expect": "ok"} is short for status 200 without an error,
 * {@code "count": N} checks only the {@code Count} of a read, and
 * {@code "expect": {"error": "ValidationException", "message": "..."}} for an error (status 400
 * unless given). {@code "headers"} names CORS response headers ({@code Access-Control-*}) and their
 * values, {@code null} for a header that must be absent.
 */
record Expectation(
        @Nullable Integer status,
        @Nullable String error,
        @Nullable String message,
        @Nullable JsonNode body,
        @Nullable Integer count,
        Map<String, Optional<String>> headers) {

    Expectation {
        headers = Collections.unmodifiableMap(new TreeMap<>(headers));
    }

    static Expectation from(JsonNode node, String where) {
        if (node.isTextual()) {
            if (!node.asText().equals("ok")) {
                throw new IllegalArgumentException(where + ": \"expect\" as text must be \"ok\", got " + node);
            }
            return new Expectation(200, null, null, null, null, Map.of());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": \"expect\" must be \"ok\" or an object, got " + node);
        }
        @Nullable String error = node.hasNonNull("error") ? node.get("error").asText() : null;
        @Nullable
        Integer status = node.hasNonNull("status") ? node.get("status").asInt() : null;
        if (status == null) {
            status = error == null ? 200 : 400;
        }
        @Nullable
        String message = node.hasNonNull("message") ? node.get("message").asText() : null;
        @Nullable JsonNode body = node.has("body") ? Normalizer.canonical(node.get("body")) : null;
        @Nullable Integer count = node.hasNonNull("count") ? node.get("count").asInt() : null;
        Map<String, Optional<String>> headers = new TreeMap<>();
        node.path("headers")
                .fields()
                .forEachRemaining(header -> headers.put(
                        header.getKey().toLowerCase(Locale.ROOT),
                        header.getValue().isNull()
                                ? Optional.empty()
                                : Optional.of(header.getValue().asText())));
        return new Expectation(status, error, message, body, count, headers);
    }

    /** Every way {@code actual} differs from this expectation; empty when it matches. */
    List<String> mismatches(Response actual) {
        List<String> problems = new ArrayList<>();
        if (status != null && status != actual.status()) {
            problems.add("status: expected " + status + " but was " + actual.status());
        }
        if (error != null && !error.equals(actual.errorType())) {
            problems.add("error type: expected " + error + " but was " + actual.errorType());
        }
        if (status != null && status == 200 && actual.errorType() != null) {
            problems.add("expected success but got " + actual.errorType() + ": " + actual.message());
        }
        if (message != null && !message.equals(actual.message())) {
            problems.add("message: expected \"" + message + "\" but was \"" + actual.message() + "\"");
        }
        if (count != null && count != actual.body().path("Count").asInt(-1)) {
            problems.add(
                    "Count: expected " + count + " but was " + actual.body().path("Count"));
        }
        headers.forEach((name, value) -> {
            String got = actual.headers().get(name);
            if (!Objects.equals(value.orElse(null), got)) {
                problems.add("header " + name + ": expected "
                        + value.map(v -> "\"" + v + "\"").orElse("none") + " but was "
                        + (got == null ? "none" : "\"" + got + "\""));
            }
        });
        if (body != null && !body.equals(actual.body())) {
            problems.add("body: expected " + body + " but was " + actual.body());
        }
        return problems;
    }
}
