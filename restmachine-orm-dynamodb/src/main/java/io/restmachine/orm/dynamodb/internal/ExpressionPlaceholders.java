package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemValue;
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
 */
public final class ExpressionPlaceholders {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, ItemValue> values = new LinkedHashMap<>();

    /** Placeholders of the given expressions (nulls are skipped). */
    public static ExpressionPlaceholders of(@Nullable Expr... expressions) {
        ExpressionPlaceholders merged = new ExpressionPlaceholders();
        for (Expr expr : expressions) {
            if (expr != null) {
                merged.add(expr);
            }
        }
        return merged;
    }

    private void add(Expr expr) {
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
        return names.isEmpty() ? null : Map.copyOf(names);
    }

    /** The values map in SDK form, or null when empty (DynamoDB rejects an empty map). */
    public @Nullable Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : AttributeValueMapper.toSdk(values);
    }
}
