package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.Expr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, merged
 * from all of its expressions. The core renders the expressions of a request with disjoint
 * placeholders; the same placeholder bound to two different names or values would silently change
 * one expression's meaning, so it is rejected as a bug.
 *
 * <p>Most requests carry one expression or none (a conditional put, a get); those take the
 * expression's own immutable maps as they are, since the SDK's request builders copy them anyway.
 */
public final class ExpressionPlaceholders {
    private static final ExpressionPlaceholders NONE = new ExpressionPlaceholders(Map.of(), Map.of());

    private final Map<String, String> names;
    private final Map<String, ItemValue> values;

    private ExpressionPlaceholders(Map<String, String> names, Map<String, ItemValue> values) {
        this.names = names;
        this.values = values;
    }

    /** Placeholders of one expression (none when it is null). */
    public static ExpressionPlaceholders of(@Nullable Expr expression) {
        return expression == null ? NONE : new ExpressionPlaceholders(expression.names(), expression.values());
    }

    /** Placeholders of the given expressions (nulls are skipped). */
    public static ExpressionPlaceholders of(@Nullable Expr... expressions) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, ItemValue> values = new LinkedHashMap<>();
        for (Expr expr : expressions) {
            if (expr != null) {
                add(expr, names, values);
            }
        }
        return new ExpressionPlaceholders(Collections.unmodifiableMap(names), Collections.unmodifiableMap(values));
    }

    private static void add(Expr expr, Map<String, String> names, Map<String, ItemValue> values) {
        expr.names().forEach((placeholder, name) -> {
            String previous = names.putIfAbsent(placeholder, name);
            if (previous != null && !previous.equals(name)) {
                throw new IllegalStateException("placeholder " + placeholder + " is bound to both '" + previous
                        + "' and '" + name + "' in one request (expression: " + expr.text()
                        + "): the expressions of a request must use disjoint placeholders");
            }
        });
        expr.values().forEach((placeholder, value) -> {
            ItemValue previous = values.putIfAbsent(placeholder, value);
            if (previous != null && !Objects.equals(previous, value)) {
                throw new IllegalStateException("placeholder " + placeholder + " is bound to two different values"
                        + " in one request (expression: " + expr.text()
                        + "): the expressions of a request must use disjoint placeholders");
            }
        });
    }

    /** The names map, or null when empty (DynamoDB rejects an empty map). */
    public @Nullable Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    /** The values map in SDK form, or null when empty (DynamoDB rejects an empty map). */
    public @Nullable Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : AttributeValueMapper.toSdk(values);
    }
}
