package io.restmachine.dynamodb.embedded.action;

import com.fasterxml.jackson.databind.JsonNode;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.ProjectionExpression;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a read returns of each item: everything, a ProjectionExpression, or AttributesToGet. */
record Projection(@Nullable ProjectionExpression expression, @Nullable List<String> names) {
    static final Projection ALL = new Projection(null, null);

    static Projection of(JsonNode request, ExpressionContext context) {
        String text = Requests.optionalText(request, "ProjectionExpression");
        if (text != null) {
            return new Projection(Expressions.projection(text, context), null);
        }
        return new Projection(null, Requests.attributesToGet(request));
    }

    boolean all() {
        return expression == null && names == null;
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        if (expression != null) {
            return expression.apply(item);
        }
        return names == null ? item : Requests.select(item, names);
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
