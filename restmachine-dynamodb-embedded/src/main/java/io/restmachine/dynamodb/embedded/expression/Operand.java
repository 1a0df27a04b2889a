package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An operand of a condition: a document path, a value, or {@code size(...)}. */
sealed interface Operand {

    /** The operand's value for an item, or null when the path is absent. */
    @Nullable
    DynamoValue evaluate(Map<String, DynamoValue> item);

    /** The operand's type when known before evaluation (values and {@code size}), else null. */
    default @Nullable String staticType() {
        return null;
    }

    record Path(DocumentPath path) implements Operand {
        @Override
        public @Nullable DynamoValue evaluate(Map<String, DynamoValue> item) {
            return path.resolve(item);
        }
    }

    record Value(DynamoValue value) implements Operand {
        @Override
        public DynamoValue evaluate(Map<String, DynamoValue> item) {
            return value;
        }

        @Override
        public String staticType() {
            return value.type();
        }
    }

    /** {@code size(operand)}: string and binary lengths, element counts; null for other types. */
    record Size(Operand argument) implements Operand {
        @Override
        public @Nullable DynamoValue evaluate(Map<String, DynamoValue> item) {
            DynamoValue value = argument.evaluate(item);
            if (value == null) {
                return null;
            }
            int size;
            if (value instanceof DynamoValue.S s) {
                size = s.value().length();
            } else if (value instanceof DynamoValue.B b) {
                size = b.length();
            } else if (value instanceof DynamoValue.SS ss) {
                size = ss.values().size();
            } else if (value instanceof DynamoValue.NS ns) {
                size = ns.values().size();
            } else if (value instanceof DynamoValue.BS bs) {
                size = bs.values().size();
            } else if (value instanceof DynamoValue.L l) {
                size = l.values().size();
            } else if (value instanceof DynamoValue.M m) {
                size = m.values().size();
            } else {
                return null;
            }
            return new DynamoValue.N(BigDecimal.valueOf(size));
        }

        @Override
        public String staticType() {
            return "N";
        }
    }

    /**
     * A function other than {@code size} where an operand belongs; only exists while parsing, as
     * the parser reports it ("The function is not allowed to be used this way in an expression").
     */
    record Call(String function, List<Operand> arguments) implements Operand {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public DynamoValue evaluate(Map<String, DynamoValue> item) {
            throw new IllegalStateException("Function " + function + " cannot be evaluated as an operand");
        }

        @Override
        public @Nullable String staticType() {
            return function.equals("size") ? "N" : "BOOL";
        }
    }
}
