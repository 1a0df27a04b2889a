package io.restmachine.dynamodb.embedded.action;

import com.fasterxml.jackson.databind.JsonNode;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the legacy (pre-expression) request members into {@link LegacyParameters}' records. */
final class LegacyJson {
    private LegacyJson() {}

    static Map<String, LegacyParameters.ExpectedAttributeValue> expected(JsonNode node) {
        Map<String, LegacyParameters.ExpectedAttributeValue> expected = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode entry = field.getValue();
            expected.put(
                    field.getKey(),
                    new LegacyParameters.ExpectedAttributeValue(
                            entry.has("Value") ? AttributeJson.read(entry.get("Value")) : null,
                            entry.has("Exists") ? entry.get("Exists").asBoolean() : null,
                            Requests.optionalText(entry, "ComparisonOperator"),
                            values(entry.get("AttributeValueList"))));
        }
        return expected;
    }

    static Map<String, LegacyParameters.AttributeCondition> conditions(JsonNode node) {
        Map<String, LegacyParameters.AttributeCondition> conditions = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode entry = field.getValue();
            List<AttributeValue> values = values(entry.get("AttributeValueList"));
            conditions.put(
                    field.getKey(),
                    new LegacyParameters.AttributeCondition(
                            entry.path("ComparisonOperator").asText(), values == null ? List.of() : values));
        }
        return conditions;
    }

    static Map<String, LegacyParameters.AttributeValueUpdate> updates(JsonNode node) {
        Map<String, LegacyParameters.AttributeValueUpdate> updates = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode entry = field.getValue();
            updates.put(
                    field.getKey(),
                    new LegacyParameters.AttributeValueUpdate(
                            Requests.optionalText(entry, "Action"),
                            entry.has("Value") ? AttributeJson.read(entry.get("Value")) : null));
        }
        return updates;
    }

    private static @Nullable List<AttributeValue> values(@Nullable JsonNode list) {
        if (list == null) {
            return null;
        }
        List<AttributeValue> values = new ArrayList<>(list.size());
        for (JsonNode value : list) {
            values.add(AttributeJson.read(value));
        }
        return values;
    }
}
