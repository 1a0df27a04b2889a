package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One request of a scenario, as written in a scenario file.
 *
 * <p>Short form: {@code {"PutItem": {...body...}}}. Options next to the action: {@code "raw"} (a
 * body sent verbatim instead, for malformed JSON), {@code "target"} (the whole {@code X-Amz-Target}
 * header, for unknown operations), {@code "signed": false} (no {@code Authorization} header),
 * {@code "contentType"}, {@code "expect"}, {@code "divergence"}, {@code "ignore"} (extra response
 * fields to leave out of the comparison) and {@code "unordered": true} (compare {@code Items} as a
 * multiset, for Scans, whose order DynamoDB does not define). For the HTTP layer: {@code "method"}
 * (default {@code POST}), {@code "query"} (a query string, without {@code ?}, e.g. presigned-request
 * parameters) and {@code "headers"} (name to value; a value replaces the header the client would
 * send, {@code null} leaves it out: {@code "Authorization": "AWS4-HMAC-SHA256 Credential=a"} sends
 * that header instead of a signature, {@code "X-Amz-Target": null} sends none).
 */
record Step(
        String action,
        @Nullable JsonNode body,
        @Nullable String raw,
        String target,
        boolean signed,
        String contentType,
        @Nullable Expectation expect,
        @Nullable Divergence divergence,
        Set<String> ignore,
        boolean unordered,
        String method,
        String query,
        Map<String, Optional<String>> headers) {

    static final String API = "DynamoDB_20120810.";
    static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final Set<String> OPTIONS = Set.of(
            "action",
            "body",
            "raw",
            "target",
            "signed",
            "contentType",
            "expect",
            "divergence",
            "ignore",
            "unordered",
            "method",
            "query",
            "headers");

    Step {
        ignore = Set.copyOf(ignore);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The text sent as the request body. */
    String payload() {
        if (raw != null) {
            return raw;
        }
        return body == null ? "" : Json.write(body);
    }

    static Step from(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": a step must be an object like {\"PutItem\": {...}}");
        }
        @Nullable String action = node.hasNonNull("action") ? node.get("action").asText() : null;
        @Nullable JsonNode body = node.get("body");
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (OPTIONS.contains(field.getKey())) {
                continue;
            }
            if (action != null) {
                throw new IllegalArgumentException(where + ": more than one action in a step: " + action + " and "
                        + field.getKey() + " (options are " + OPTIONS + ")");
            }
            action = field.getKey();
            body = field.getValue();
        }
        if (action == null) {
            throw new IllegalArgumentException(where + ": a step needs an action, e.g. {\"GetItem\": {...}}");
        }
        String context = where + " (" + action + ")";
        Set<String> ignore = new HashSet<>();
        if (node.has("ignore")) {
            node.get("ignore").forEach(name -> ignore.add(name.asText()));
        }
        Map<String, Optional<String>> headers = new LinkedHashMap<>();
        node.path("headers")
                .fields()
                .forEachRemaining(header -> headers.put(
                        header.getKey(),
                        header.getValue().isNull()
                                ? Optional.empty()
                                : Optional.of(header.getValue().asText())));
        return new Step(
                action,
                body,
                node.hasNonNull("raw") ? node.get("raw").asText() : null,
                node.hasNonNull("target") ? node.get("target").asText() : API + action,
                !node.has("signed") || node.get("signed").asBoolean(),
                node.hasNonNull("contentType") ? node.get("contentType").asText() : JSON_1_0,
                node.has("expect") ? Expectation.from(node.get("expect"), context) : null,
                node.has("divergence") ? Divergence.from(node.get("divergence"), context) : null,
                ignore,
                node.path("unordered").asBoolean(false),
                node.path("method").asText("POST"),
                node.path("query").asText(""),
                headers);
    }

    /** The table this step creates, if it is a CreateTable (the runner deletes it afterwards). */
    @Nullable
    String createdTable() {
        if (!action.equals("CreateTable")
                || body == null
                || !body.path("TableName").isTextual()) {
            return null;
        }
        return body.get("TableName").asText();
    }
}
