package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sweep's recorded answers ({@code sweep/expected.json}: case id → status, error, message,
 * source) and where today's DynamoDB differs from the peers ({@code sweep/overrides.json}: the same
 * plus {@code reason} and a public {@code source}, which win over what the peers answer). An
 * override may say {@code "answer": "engine"} instead of status and message: today's DynamoDB
 * answers as the engine does (reviewed, with the source), for a rule whose messages vary case by
 * case, such as syntax errors naming their token; the recording then holds the engine's answer.
 */
record SweepExpectations(Map<String, SweepRunner.Answer> answers, Map<String, String> sources) {
    /** The answer of an override that defers to the engine's (reviewed) answer. */
    static final SweepRunner.Answer ENGINE = new SweepRunner.Answer(0, "engine", null);

    static SweepExpectations load(String resource) {
        Map<String, SweepRunner.Answer> answers = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        @Nullable JsonNode root = read(resource);
        if (root != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().equals("about")) {
                    continue;
                }
                boolean engine = entry.getValue().path("answer").asText().equals("engine");
                answers.put(entry.getKey(), engine ? ENGINE : SweepRunner.Answer.from(entry.getValue()));
                sources.put(entry.getKey(), entry.getValue().path("source").asText("unknown"));
            }
        }
        return new SweepExpectations(answers, sources);
    }

    /** The answer recorded for {@code id}: its own entry, else the first pattern ({@code *} for any text) that matches. */
    SweepRunner.@Nullable Answer answer(String id) {
        return answers.containsKey(id) ? answers.get(id) : answers.get(patternFor(id));
    }

    /** Where the answer for {@code id} comes from. */
    String source(String id) {
        return sources.containsKey(id) ? sources.get(id) : sources.getOrDefault(patternFor(id), "unknown");
    }

    private @Nullable String patternFor(String id) {
        for (String key : answers.keySet()) {
            if (key.contains("*") && id.matches(Pattern.quote(key).replace("*", "\\E.*\\Q"))) {
                return key;
            }
        }
        return null;
    }

    private static @Nullable JsonNode read(String resource) {
        try (InputStream in = SweepExpectations.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
