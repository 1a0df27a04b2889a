package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A step where today's DynamoDB answers differently from dynalite (whose texts were captured from
 * DynamoDB years ago): the embedded engine is checked against {@code engine} instead of against
 * dynalite's response. Every divergence names its reason and public source and is listed in {@code
 * docs/conformance.md}.
 */
record Divergence(String reason, String source, Expectation engine) {

    static Divergence from(JsonNode node, String where) {
        for (String field : new String[] {"reason", "source", "engine"}) {
            if (!node.hasNonNull(field)) {
                throw new IllegalArgumentException(where + ": a divergence needs \"" + field
                        + "\" (reason, public source URL, and the engine's expected response)");
            }
        }
        return new Divergence(
                node.get("reason").asText(),
                node.get("source").asText(),
                Expectation.from(node.get("engine"), where + " divergence"));
    }
}
