package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.util.Map;
import java.util.Objects;

/**
 * One DynamoDB expression (condition, filter, key condition, update or projection) with the
 * placeholders it uses. Every attribute name in {@code text} appears as a {@code #name} placeholder
 * and every value as a {@code :value} placeholder, so reserved words and odd characters never reach
 * the expression text. The expressions of one request are built by the core with disjoint
 * placeholders, so a backend may merge their maps.
 */
public record Expr(String text, Map<String, String> names, Map<String, ItemValue> values) {
    public Expr {
        Objects.requireNonNull(text, "text");
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }
}
