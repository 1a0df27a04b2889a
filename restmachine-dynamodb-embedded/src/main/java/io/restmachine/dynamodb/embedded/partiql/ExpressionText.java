package io.restmachine.dynamodb.embedded.partiql;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes PartiQL nodes as DynamoDB expression text in which every name is a {@code #n} and every
 * value a {@code :v} placeholder, so that the expression layer's one parser and evaluator run
 * them: PartiQL adds a syntax, not a second set of semantics.
 */
final class ExpressionText {
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("begins_with", "contains", "attribute_type", "attribute_exists", "attribute_not_exists");
    private static final Set<String> FUNCTIONS = Set.of(
            "begins_with",
            "contains",
            "attribute_type",
            "attribute_exists",
            "attribute_not_exists",
            "size",
            "list_append",
            "if_not_exists");

    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> nameByAttribute = new HashMap<>();
    private final Map<String, DynamoValue> values = new LinkedHashMap<>();

    String text() {
        return text.toString();
    }

    ExpressionContext context() {
        return new ExpressionContext(names.isEmpty() ? null : names, values.isEmpty() ? null : values);
    }

    ExpressionText append(String raw) {
        text.append(raw);
        return this;
    }

    /** A condition: a predicate, a logical combination of them, or a boolean function. */
    ExpressionText condition(Node node) {
        if (node instanceof Node.And and) {
            text.append("(");
            condition(and.left()).append(") AND (");
            condition(and.right()).append(")");
        } else if (node instanceof Node.Or or) {
            text.append("(");
            condition(or.left()).append(") OR (");
            condition(or.right()).append(")");
        } else if (node instanceof Node.Not not) {
            text.append("NOT (");
            condition(not.operand()).append(")");
        } else if (node instanceof Node.Compare compare) {
            compare(compare);
        } else if (node instanceof Node.Between between) {
            operand(between.value()).append(" BETWEEN ");
            operand(between.low()).append(" AND ");
            operand(between.high());
        } else if (node instanceof Node.In in) {
            operand(in.value()).append(" IN (");
            for (int i = 0; i < in.candidates().size(); i++) {
                text.append(i == 0 ? "" : ", ");
                operand(in.candidates().get(i));
            }
            text.append(")");
        } else if (node instanceof Node.Is is) {
            is(is);
        } else if (node instanceof Node.Call call && CONDITION_FUNCTIONS.contains(call.function())) {
            call(call);
        } else {
            throw EngineException.validation("WHERE clause must contain an expression that resolves to a boolean");
        }
        return this;
    }

    /**
     * PartiQL compares a missing attribute to nothing: {@code a <> 1} is not true when {@code a}
     * is missing, where the expression language's {@code <>} would be; so {@code <>} also requires
     * its paths to exist. The other comparisons are false for a missing operand in both.
     */
    private void compare(Node.Compare compare) {
        boolean guard = compare.op().equals("<>")
                && (compare.left() instanceof Node.Path || compare.right() instanceof Node.Path);
        if (guard) {
            text.append("(");
            for (Node side : List.of(compare.left(), compare.right())) {
                if (side instanceof Node.Path path) {
                    text.append("attribute_exists(");
                    path(path).append(") AND ");
                }
            }
        }
        operand(compare.left()).append(" ").append(compare.op()).append(" ");
        operand(compare.right());
        if (guard) {
            text.append(")");
        }
    }

    /** {@code IS [NOT] MISSING}, {@code IS [NOT] NULL} (a missing value is also NULL, as in PartiQL), types. */
    private void is(Node.Is is) {
        String type = is.type();
        if (type.equals("MISSING")) {
            text.append(is.negated() ? "attribute_exists(" : "attribute_not_exists(");
            path(is.path()).append(")");
            return;
        }
        if (type.equals("NULL")) {
            text.append(is.negated() ? "(attribute_exists(" : "(attribute_not_exists(");
            path(is.path()).append(is.negated() ? ") AND NOT attribute_type(" : ") OR attribute_type(");
            path(is.path()).append(", ");
            value(new DynamoValue.S("NULL")).append("))");
            return;
        }
        text.append(is.negated() ? "NOT attribute_type(" : "attribute_type(");
        path(is.path()).append(", ");
        value(new DynamoValue.S(Parser.isType(type))).append(")");
    }

    /** An operand: a path, a value, {@code size(...)}, arithmetic or a function of an update. */
    ExpressionText operand(Node node) {
        if (node instanceof Node.Path path) {
            return path(path);
        }
        if (node instanceof Node.Literal literal) {
            return value(literal.value());
        }
        if (node instanceof Node.Call call) {
            return call(call);
        }
        if (node instanceof Node.Arithmetic arithmetic) {
            operand(arithmetic.left()).append(" ").append(arithmetic.op()).append(" ");
            return operand(arithmetic.right());
        }
        throw EngineException.validation("Unsupported operation: a condition where a value is expected");
    }

    private ExpressionText call(Node.Call call) {
        if (!FUNCTIONS.contains(call.function())) {
            throw EngineException.validation("Unrecognized function: " + call.function());
        }
        text.append(call.function()).append("(");
        for (int i = 0; i < call.arguments().size(); i++) {
            text.append(i == 0 ? "" : ", ");
            operand(call.arguments().get(i));
        }
        text.append(")");
        return this;
    }

    ExpressionText path(Node.Path path) {
        List<Object> steps = path.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Integer index) {
                text.append("[").append(index).append("]");
            } else {
                text.append(i == 0 ? "" : ".").append(name((String) steps.get(i)));
            }
        }
        return this;
    }

    private String name(String attribute) {
        return nameByAttribute.computeIfAbsent(attribute, a -> {
            String placeholder = "#n" + names.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }

    ExpressionText value(DynamoValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        text.append(placeholder);
        return this;
    }
}
