package io.restmachine.dynamodb.embedded.partiql;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.UpdateExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes the SET and REMOVE actions of an UPDATE as an update expression. */
final class UpdateText {
    private static final Set<String> SET_TYPES = Set.of("SS", "NS", "BS");

    private UpdateText() {}

    static UpdateExpression of(List<Statement.Assignment> assignments) {
        ExpressionText text = new ExpressionText();
        List<Statement.Assignment> sets = new ArrayList<>();
        List<Statement.Assignment> removes = new ArrayList<>();
        List<Statement.Assignment> adds = new ArrayList<>();
        List<Statement.Assignment> deletes = new ArrayList<>();
        for (Statement.Assignment assignment : assignments) {
            Node value = assignment.value();
            if (value == null) {
                removes.add(assignment);
            } else if (value instanceof Node.Call call && call.function().startsWith("set_")) {
                setOperation(assignment.path(), call);
                (call.function().equals("set_add") ? adds : deletes).add(assignment);
            } else {
                sets.add(assignment);
            }
        }
        clause(text, "SET", sets, (t, a) -> {
            t.path(a.path()).append(" = ");
            t.operand(value(a));
        });
        clause(text, "REMOVE", removes, (t, a) -> t.path(a.path()));
        clause(text, "ADD", adds, (t, a) -> t.path(a.path()).append(" ").operand(secondArgument(a)));
        clause(text, "DELETE", deletes, (t, a) -> t.path(a.path()).append(" ").operand(secondArgument(a)));
        return Expressions.update(text.text(), text.context());
    }

    private static Node value(Statement.Assignment assignment) {
        Node value = java.util.Objects.requireNonNull(assignment.value());
        if (value instanceof Node.Is) {
            throw EngineException.validation("IS operator is not supported in update expressions");
        }
        return value;
    }

    private static Node secondArgument(Statement.Assignment assignment) {
        return ((Node.Call) java.util.Objects.requireNonNull(assignment.value()))
                .arguments()
                .get(1);
    }

    /** DynamoDB's checks of {@code SET path = set_add(path, <<...>>)} and {@code set_delete}. */
    private static void setOperation(Node.Path path, Node.Call call) {
        String name = call.function().substring("set_".length()).toUpperCase(Locale.ROOT);
        if (!name.equals("ADD") && !name.equals("DELETE")) {
            throw EngineException.validation("Unrecognized function: " + call.function());
        }
        if (call.arguments().size() != 2) {
            throw EngineException.validation("SET_" + name + " must have exactly two arguments");
        }
        if (!path.equals(call.arguments().get(0))) {
            throw EngineException.validation("The first argument to SET_" + name + " must equal the assignment value");
        }
        if (!(call.arguments().get(1) instanceof Node.Literal literal)
                || !SET_TYPES.contains(literal.value().type())) {
            throw EngineException.validation("The second argument to SET_" + name + " must be a value with type SET");
        }
    }

    private interface Writer {
        void write(ExpressionText text, Statement.Assignment assignment);
    }

    private static void clause(
            ExpressionText text, String keyword, List<Statement.Assignment> assignments, Writer writer) {
        for (int i = 0; i < assignments.size(); i++) {
            text.append(i == 0 ? (text.text().isEmpty() ? "" : " ") + keyword + " " : ", ");
            writer.write(text, assignments.get(i));
        }
    }
}
