package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.expression.LegacyParameters;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the legacy (pre-expression) request members into {@link LegacyParameters}' records. */
final class LegacyFields {
    private LegacyFields() {}

    /** {@code Expected}: a map of ExpectedAttributeValue structures. */
    static Map<String, LegacyParameters.ExpectedAttributeValue> expected(Map<String, Object> members) {
        Map<String, LegacyParameters.ExpectedAttributeValue> expected = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : members.entrySet()) {
            Fields entry = fields(field.getValue());
            expected.put(
                    field.getKey(),
                    new LegacyParameters.ExpectedAttributeValue(
                            entry.has("Value") ? AttributeJson.value(entry.get("Value")) : null,
                            entry.bool("Exists"),
                            entry.string("ComparisonOperator"),
                            values(entry.list("AttributeValueList"))));
        }
        return expected;
    }

    /** {@code KeyConditions}, {@code QueryFilter}, {@code ScanFilter}: maps of Condition structures. */
    static Map<String, LegacyParameters.AttributeCondition> conditions(Map<String, Object> members) {
        Map<String, LegacyParameters.AttributeCondition> conditions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : members.entrySet()) {
            Fields entry = fields(field.getValue());
            List<DynamoValue> values = values(entry.list("AttributeValueList"));
            conditions.put(
                    field.getKey(),
                    new LegacyParameters.AttributeCondition(
                            entry.text("ComparisonOperator"), values == null ? List.of() : values));
        }
        return conditions;
    }

    /** {@code AttributeUpdates}: a map of AttributeValueUpdate structures. */
    static Map<String, LegacyParameters.AttributeValueUpdate> updates(Map<String, Object> members) {
        Map<String, LegacyParameters.AttributeValueUpdate> updates = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : members.entrySet()) {
            Fields entry = fields(field.getValue());
            updates.put(
                    field.getKey(),
                    new LegacyParameters.AttributeValueUpdate(
                            entry.string("Action"),
                            entry.has("Value") ? AttributeJson.value(entry.get("Value")) : null));
        }
        return updates;
    }

    /** A structure of a map; a JSON null there reads as an empty one. */
    private static Fields fields(@Nullable Object value) {
        return value == null ? Fields.EMPTY : (Fields) value;
    }

    private static @Nullable List<DynamoValue> values(@Nullable List<Object> list) {
        if (list == null) {
            return null;
        }
        List<DynamoValue> values = new ArrayList<>(list.size());
        for (Object value : list) {
            values.add(AttributeJson.value(value));
        }
        return values;
    }
}
