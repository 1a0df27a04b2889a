package io.restmachine.dynamodb.embedded.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The generator of the nested sweep: reads {@code sweep/nested.json}, whose positions are requests
 * with the marker {@code "@@"} where a mutation goes, and whose groups are the mutations: attribute
 * values (every form and its faults) or expression texts (every class of expression error). Each
 * position × each mutation of its groups is one case, id {@code Position.mutation}, sent once more
 * against a missing table ({@code @missingTable}).
 *
 * <p>An expression mutation is its text, or {@code {"expression", "names", "values"}}; the shared
 * placeholders it mentions ({@code #n}, {@code :v}, ...) and its own are added to the
 * {@code ExpressionAttributeNames}/{@code Values} of the object holding the marker, so a
 * placeholder is defined exactly when the case means it to be.
 */
final class NestedSweepCases {
    static final String RESOURCE = "sweep/nested.json";
    private static final String MARKER = "@@";
    private static final String AT_MISSING_TABLE = "@missingTable";
    private static final String NAMES = "ExpressionAttributeNames";
    private static final String VALUES = "ExpressionAttributeValues";

    private final JsonNode spec;

    private NestedSweepCases(JsonNode spec) {
        this.spec = spec;
    }

    static NestedSweepCases load() {
        return new NestedSweepCases(SweepCases.read(RESOURCE));
    }

    List<Step> fixture() {
        return SweepCases.fixture(spec, RESOURCE);
    }

    /** Every case, grouped by position (the fixture is fresh for each position). */
    List<SweepCases.ActionCases> actions() {
        String missingTable = spec.get("missingTable").asText();
        List<SweepCases.ActionCases> positions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("positions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> position = it.next();
            String action = position.getValue().get("action").asText();
            JsonNode base = position.getValue().get("body");
            List<SweepCases.Case> cases = new ArrayList<>();
            for (JsonNode groupName : position.getValue().get("groups")) {
                JsonNode group = spec.get("groups").get(groupName.asText());
                if (group == null) {
                    throw new IllegalStateException(
                            RESOURCE + ": " + position.getKey() + " names unknown group " + groupName);
                }
                for (Iterator<Map.Entry<String, JsonNode>> mutations =
                                group.get("mutations").fields();
                        mutations.hasNext(); ) {
                    Map.Entry<String, JsonNode> mutation = mutations.next();
                    ObjectNode body = base.deepCopy();
                    place(body, group, mutation.getValue(), position.getKey());
                    String id = position.getKey() + "." + mutation.getKey();
                    cases.add(new SweepCases.Case(id, action, substitute(body, SweepCases.TABLE)));
                    cases.add(new SweepCases.Case(id + AT_MISSING_TABLE, action, substitute(body, missingTable)));
                }
            }
            positions.add(new SweepCases.ActionCases(position.getKey(), cases));
        }
        return positions;
    }

    /** Puts the mutation where the marker is; an expression also brings the placeholders it uses. */
    private void place(ObjectNode body, JsonNode group, JsonNode mutation, String where) {
        Holder holder = find(body);
        if (holder == null) {
            throw new IllegalStateException(RESOURCE + ": position " + where + " has no \"" + MARKER + "\" marker");
        }
        if (group.get("kind").asText().equals("value")) {
            holder.put(mutation.deepCopy());
            return;
        }
        String expression = mutation.isTextual()
                ? mutation.asText()
                : mutation.get("expression").asText();
        holder.put(TextNode.valueOf(expression));
        ObjectNode owner = (ObjectNode) holder.parent();
        JsonNode shared = spec.get("placeholders");
        JsonNode kinds = group.path("placeholders");
        for (String kind : List.of("names", "values")) {
            boolean allowed = kinds.isMissingNode() || contains(kinds, kind);
            String field = kind.equals("names") ? NAMES : VALUES;
            if (allowed) {
                shared.get(kind).fields().forEachRemaining(placeholder -> {
                    if (mentions(expression, placeholder.getKey())) {
                        addTo(owner, field, placeholder.getKey(), placeholder.getValue());
                    }
                });
            }
            mutation.path(kind).fields().forEachRemaining(own -> addTo(owner, field, own.getKey(), own.getValue()));
        }
    }

    private static boolean contains(JsonNode list, String text) {
        for (JsonNode element : list) {
            if (element.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(String expression, String placeholder) {
        return Pattern.compile("(?<![\\w#:])" + Pattern.quote(placeholder) + "(?!\\w)")
                .matcher(expression)
                .find();
    }

    private static void addTo(ObjectNode owner, String field, String key, JsonNode value) {
        JsonNode existing = owner.get(field);
        ObjectNode map = existing instanceof ObjectNode object ? object : owner.putObject(field);
        if (!map.has(key)) {
            map.set(key, value.deepCopy());
        }
    }

    /** Where the marker sits: in an object's field or a list's element. */
    private record Holder(JsonNode parent, @Nullable String field, int index) {
        void put(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static @Nullable Holder find(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (MARKER.equals(field.getValue().textValue())) {
                    return new Holder(node, field.getKey(), -1);
                }
                Holder inner = find(field.getValue());
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (MARKER.equals(node.get(i).textValue())) {
                    return new Holder(node, null, i);
                }
                Holder inner = find(node.get(i));
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static JsonNode substitute(JsonNode node, String table) {
        return SweepCases.substitute(node, table, RESOURCE);
    }
}
