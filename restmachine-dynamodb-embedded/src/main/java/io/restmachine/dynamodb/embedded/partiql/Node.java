package io.restmachine.dynamodb.embedded.partiql;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.List;
import java.util.Objects;

/**
 * The AST of PartiQL expressions (WHERE conditions, SET values, projections), with every {@code ?}
 * already bound to its parameter value.
 */
public sealed interface Node {

    /**
     * A document path: a top-level attribute name, then map keys ({@link String}) and list indexes
     * ({@link Integer}).
     */
    record Path(List<Object> steps) implements Node {
        public Path {
            steps = List.copyOf(steps);
            if (steps.isEmpty() || !(steps.get(0) instanceof String)) {
                throw new IllegalArgumentException("A path starts with an attribute name: " + steps);
            }
        }

        public String head() {
            return (String) steps.get(0);
        }

        public boolean topLevel() {
            return steps.size() == 1;
        }
    }

    /** A literal or a bound parameter. */
    record Literal(DynamoValue value) implements Node {
        public Literal {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code a op b} with op one of {@code = <> < <= > >=} ({@code !=} is read as {@code <>}). */
    record Compare(String op, Node left, Node right) implements Node {}

    record Between(Node value, Node low, Node high) implements Node {}

    record In(Node value, List<Node> candidates) implements Node {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(Node left, Node right) implements Node {}

    record Or(Node left, Node right) implements Node {}

    record Not(Node operand) implements Node {}

    /** {@code path IS [NOT] MISSING} or {@code path IS [NOT] NULL}; {@code type} is upper case. */
    record Is(Path path, String type, boolean negated) implements Node {}

    /**
     * A function call: {@code begins_with}, {@code contains}, {@code size}, {@code attribute_type},
     * {@code attribute_exists}, {@code attribute_not_exists}, {@code list_append},
     * {@code if_not_exists}, {@code set_add}, {@code set_delete}; the name is lower case.
     */
    record Call(String function, List<Node> arguments) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code a + b} or {@code a - b}, in a SET value. */
    record Arithmetic(String op, Node left, Node right) implements Node {}
}
