package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, checked in
 * DynamoDB's order (names: not empty, then each key; values: not empty, then every key, then each
 * value) and made into the {@link ExpressionContext} the parsers resolve placeholders from.
 */
public final class Placeholders {
    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private Placeholders() {}

    /**
     * @param names the names map as sent, or null when absent
     * @param values the values map as sent (each value still to be read), or null when absent
     * @param read reads and validates one value as sent
     */
    public static <V> ExpressionContext context(
            @Nullable Map<String, String> names,
            @Nullable Map<String, V> values,
            Function<? super V, DynamoValue> read) {
        if (names != null) {
            if (names.isEmpty()) {
                throw EngineException.validation("ExpressionAttributeNames must not be empty");
            }
            for (String key : names.keySet()) {
                if (!NAME_KEY.matcher(key).matches()) {
                    throw EngineException.validation(
                            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
        }
        Map<String, DynamoValue> valueMap = null;
        if (values != null) {
            if (values.isEmpty()) {
                throw EngineException.validation("ExpressionAttributeValues must not be empty");
            }
            for (String key : values.keySet()) {
                if (!VALUE_KEY.matcher(key).matches()) {
                    throw EngineException.validation(
                            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
            valueMap = new LinkedHashMap<>();
            for (Map.Entry<String, V> field : values.entrySet()) {
                try {
                    valueMap.put(field.getKey(), read.apply(field.getValue()));
                } catch (EngineException e) {
                    throw EngineException.validation("ExpressionAttributeValues contains invalid value: "
                            + e.error().message() + " for key " + field.getKey());
                }
            }
        }
        return new ExpressionContext(names, valueMap);
    }
}
