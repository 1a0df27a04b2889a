package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The placeholder maps of one request ({@code ExpressionAttributeNames} and
 * {@code ExpressionAttributeValues}); it tracks which placeholders the request's expressions used.
 * One per request, used by one thread.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, DynamoValue> values;
    private final Set<String> unusedNames;
    private final Set<String> unusedValues;

    /**
     * Checks the maps' keys as DynamoDB does: non-empty maps, names keyed {@code #x}, values keyed
     * {@code :x}.
     *
     * @throws EngineException a ValidationException for an empty map or a malformed key
     */
    public ExpressionContext(@Nullable Map<String, String> names, @Nullable Map<String, DynamoValue> values) {
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
        if (names != null) {
            if (names.isEmpty()) {
                throw EngineException.validation("ExpressionAttributeNames must not be empty");
            }
            for (String key : names.keySet()) {
                if (!Lexer.isPlaceholder(key, '#')) {
                    throw EngineException.validation(
                            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
        }
        if (values != null) {
            if (values.isEmpty()) {
                throw EngineException.validation("ExpressionAttributeValues must not be empty");
            }
            for (String key : values.keySet()) {
                if (!Lexer.isPlaceholder(key, ':')) {
                    throw EngineException.validation(
                            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
        }
        this.unusedNames = new LinkedHashSet<>(this.names.keySet());
        this.unusedValues = new LinkedHashSet<>(this.values.keySet());
    }

    /** A context without placeholders, for requests that send none. */
    public static ExpressionContext empty() {
        return new ExpressionContext(null, null);
    }

    /** The attribute name a {@code #name} placeholder stands for, marking it used; null if undefined. */
    @Nullable
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            unusedNames.remove(placeholder);
        }
        return name;
    }

    /** The value a {@code :value} placeholder stands for, marking it used; null if undefined. */
    @Nullable
    DynamoValue value(String placeholder) {
        DynamoValue value = values.get(placeholder);
        if (value != null) {
            unusedValues.remove(placeholder);
        }
        return value;
    }

    /**
     * After all expressions of a request are parsed: DynamoDB's errors for placeholders no
     * expression used, names first.
     *
     * @throws EngineException a ValidationException naming the unused keys, e.g. "Value provided in
     *     ExpressionAttributeValues unused in expressions: keys: {:v}"
     */
    public void requireAllUsed() {
        if (!unusedNames.isEmpty()) {
            throw EngineException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        if (!unusedValues.isEmpty()) {
            throw EngineException.validation(
                    "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                            + String.join(", ", unusedValues) + "}");
        }
    }
}
