package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The generator of the systematic sweep: reads {@code sweep/parameters.json} (each action's valid
 * base request and the kind of each of its parameters; each kind's mutations) and makes one request
 * per action × parameter × mutation, plus {@code missing} for required parameters, plus each of those
 * again against a table that does not exist ({@code @missingTable}: DynamoDB validates the whole
 * request before it looks the table up), plus the valid base request against that missing table.
 *
 * <p>Case ids read {@code Action.Parameter.mutation[@missingTable]}, e.g.
 * {@code Query.KeyConditionExpression.invalid@missingTable}.
 */
final class SweepCases {
    static final String RESOURCE = "sweep/parameters.json";
    /** The fixture table's name on every server (one action at a time, so one name will do). */
    static final String TABLE = "sweep_table";

    private static final String MISSING = "missing";
    private static final String AT_MISSING_TABLE = "@missingTable";

    /** One generated request: {@code fixture} is the setup to run first (fresh for each action). */
    record Case(String id, String action, JsonNode body) {
        Step step() {
            return Step.from(Json.MAPPER.createObjectNode().set(action, body), id);
        }
    }

    /** The cases of one action, in generation order. */
    record ActionCases(String action, List<Case> cases) {}

    private final JsonNode spec;

    private SweepCases(JsonNode spec) {
        this.spec = spec;
    }

    static SweepCases load() {
        return new SweepCases(read(RESOURCE));
    }

    /** A sweep's data file from the test class path. */
    static JsonNode read(String resource) {
        try (InputStream in = SweepCases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The setup steps every action's cases run against (fresh for each action). */
    List<Step> fixture() {
        return fixture(spec, RESOURCE);
    }

    /** The {@code fixture} steps of a sweep's data file, on the sweep's table. */
    static List<Step> fixture(JsonNode spec, String resource) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : substitute(spec.get("fixture"), TABLE, resource)) {
            steps.add(Step.from(step, resource + " fixture"));
        }
        return steps;
    }

    /** Every case, grouped by action in the order of the data file. */
    List<ActionCases> actions() {
        String missingTable = spec.get("missingTable").asText();
        List<ActionCases> actions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("actions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String action = entry.getKey();
            JsonNode definition = entry.getValue();
            boolean missingTableVariants = !definition.path("noMissingTable").asBoolean(false)
                    && Json.write(definition.get("base")).contains("${t}");
            List<Case> cases = new ArrayList<>();
            if (missingTableVariants) {
                cases.add(new Case(action + ".missingTable", action, substitute(definition.get("base"), missingTable)));
            }
            for (Iterator<Map.Entry<String, JsonNode>> params =
                            definition.get("parameters").fields();
                    params.hasNext(); ) {
                Map.Entry<String, JsonNode> param = params.next();
                String name = param.getKey();
                String kind = param.getValue().asText();
                boolean required = kind.endsWith("!");
                kind = required ? kind.substring(0, kind.length() - 1) : kind;
                JsonNode mutations = spec.get("kinds").get(kind);
                if (mutations == null) {
                    throw new IllegalStateException(
                            RESOURCE + ": " + action + "." + name + " has unknown kind " + kind);
                }
                List<Map.Entry<String, @Nullable JsonNode>> variants = new ArrayList<>();
                if (required) {
                    variants.add(Map.entry(MISSING, Json.MAPPER.nullNode()));
                }
                mutations.fields().forEachRemaining(m -> variants.add(Map.entry(m.getKey(), m.getValue())));
                for (Map.Entry<String, @Nullable JsonNode> variant : variants) {
                    String id = action + "." + name + "." + variant.getKey();
                    ObjectNode body = definition.get("base").deepCopy();
                    if (variant.getKey().equals(MISSING)) {
                        body.remove(name);
                    } else {
                        body.set(name, variant.getValue());
                    }
                    cases.add(new Case(id, action, substitute(body, TABLE)));
                    if (missingTableVariants && !name.equals("TableName")) {
                        cases.add(new Case(id + AT_MISSING_TABLE, action, substitute(body, missingTable)));
                    }
                }
            }
            actions.add(new ActionCases(action, cases));
        }
        return actions;
    }

    private static JsonNode substitute(JsonNode node, String table) {
        return substitute(node, table, RESOURCE);
    }

    /** The catalog's substitution: {@code ${t}} becomes {@code table}, {@code ${pad:N}} N letters. */
    static JsonNode substitute(JsonNode node, String table, String resource) {
        try {
            return ScenarioCatalog.substitute(node, table);
        } catch (IOException e) {
            throw new UncheckedIOException("substitution broke the JSON of " + resource, e);
        }
    }
}
