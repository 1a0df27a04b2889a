package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.ProjectionExpression;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a read returns of each item: everything, a ProjectionExpression, or AttributesToGet. */
public record Projection(@Nullable ProjectionExpression expression, @Nullable List<String> names) {
    static final Projection ALL = new Projection(null, null);

    /**
     * The projection of {@code ProjectionExpression} (parsed against {@code context}) if given,
     * else of {@code AttributesToGet} (checked by {@link ParameterRules#attributesToGet}).
     */
    public static Projection of(
            @Nullable String expression, @Nullable List<String> attributesToGet, ExpressionContext context) {
        if (expression != null) {
            return new Projection(Expressions.projection(expression, context), null);
        }
        return new Projection(null, attributesToGet);
    }

    boolean all() {
        return expression == null && names == null;
    }

    Map<String, DynamoValue> apply(Map<String, DynamoValue> item) {
        if (expression != null) {
            return expression.apply(item);
        }
        return names == null ? item : select(item, names);
    }

    /** Keeps only the named top-level attributes (AttributesToGet). */
    private static Map<String, DynamoValue> select(Map<String, DynamoValue> item, List<String> names) {
        Map<String, DynamoValue> selected = new LinkedHashMap<>();
        for (String name : names) {
            DynamoValue value = item.get(name);
            if (value != null) {
                selected.put(name, value);
            }
        }
        return selected;
    }

    /** The top-level attributes it reads into ({@code a.b}, {@code a[0]}). */
    Set<String> nestedAttributes() {
        return expression == null ? Set.of() : expression.nestedAttributes();
    }

    /** The top-level attributes it reads, or null for all. */
    @Nullable
    Set<String> topLevel() {
        if (expression != null) {
            return expression.topLevelAttributes();
        }
        return names == null ? null : Set.copyOf(names);
    }
}
