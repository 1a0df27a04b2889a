package io.restmachine.dynamodb.embedded.partiql;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.ProjectionExpression;
import io.restmachine.dynamodb.embedded.expression.UpdateExpression;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses PartiQL statements and turns their parts into the expression layer's conditions,
 * updates and projections.
 *
 * <pre>{@code
 * Statement statement = Partiql.parse("SELECT * FROM \"t\" WHERE pk = ?", List.of(new DynamoValue.S("a")));
 * ConditionExpression filter = Partiql.condition(((Statement.Select) statement).where());
 * }</pre>
 */
public final class Partiql {
    static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";

    private Partiql() {}

    /**
     * Parses one statement, binding each {@code ?} to the next of {@code parameters}.
     *
     * @throws EngineException a ValidationException with DynamoDB's message for a malformed or
     *     unsupported statement, or too few parameters
     */
    public static Statement parse(String text, List<DynamoValue> parameters) {
        return Parser.parse(text, parameters);
    }

    /** A WHERE condition (or part of one) as a condition the engine evaluates. */
    public static ConditionExpression condition(Node where) {
        ExpressionText text = new ExpressionText().condition(where);
        return Expressions.condition(text.text(), text.context(), "ConditionExpression");
    }

    /**
     * The SET and REMOVE actions of an UPDATE as an update expression: {@code SET p = set_add(p,
     * <<...>>)} becomes {@code ADD p :set} and {@code set_delete} becomes {@code DELETE}, as
     * DynamoDB documents them.
     */
    public static UpdateExpression update(List<Statement.Assignment> assignments) {
        return UpdateText.of(assignments);
    }

    /** The selected paths as a projection. */
    public static ProjectionExpression projection(List<Node.Path> paths) {
        ExpressionText text = new ExpressionText();
        for (int i = 0; i < paths.size(); i++) {
            text.append(i == 0 ? "" : ", ").path(paths.get(i));
        }
        return Expressions.projection(text.text(), text.context());
    }

    /** The operands of the top-level ANDs of a condition, in order. */
    public static List<Node> conjuncts(Node where) {
        List<Node> conjuncts = new ArrayList<>();
        collect(where, conjuncts);
        return conjuncts;
    }

    private static void collect(Node node, List<Node> into) {
        if (node instanceof Node.And and) {
            collect(and.left(), into);
            collect(and.right(), into);
        } else {
            into.add(node);
        }
    }

    /** The conjunction of {@code nodes}, or null when there are none. */
    public static @Nullable Node and(List<Node> nodes) {
        Node result = null;
        for (Node node : nodes) {
            result = result == null ? node : new Node.And(result, node);
        }
        return result;
    }

    static EngineException syntaxError(String detail) {
        return EngineException.validation(MALFORMED + detail);
    }

    /** An error for a construct DynamoDB's dialect does not have. */
    static EngineException unsupported(String message) {
        return EngineException.validation(message);
    }
}
