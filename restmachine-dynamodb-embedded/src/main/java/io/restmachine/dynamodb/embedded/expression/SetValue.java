package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The right-hand side of a SET action: an operand, {@code if_not_exists}, {@code list_append}, or {@code +}/{@code -}. */
sealed interface SetValue {

    String MISSING_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item";
    String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    /**
     * The value for an item (the item as it was before the update).
     *
     * @throws EngineException a ValidationException when a path is absent or of the wrong type
     */
    DynamoValue evaluate(Map<String, DynamoValue> item);

    /** The type known before evaluation, or null. */
    default @org.jspecify.annotations.Nullable String staticType() {
        return null;
    }

    record Of(Operand operand) implements SetValue {
        @Override
        public DynamoValue evaluate(Map<String, DynamoValue> item) {
            DynamoValue value = operand.evaluate(item);
            if (value == null) {
                throw EngineException.validation(MISSING_ATTRIBUTE);
            }
            return value;
        }

        @Override
        public @org.jspecify.annotations.Nullable String staticType() {
            return operand instanceof Operand.Value v ? v.staticType() : null;
        }
    }

    record IfNotExists(DocumentPath path, SetValue fallback) implements SetValue {
        @Override
        public DynamoValue evaluate(Map<String, DynamoValue> item) {
            DynamoValue existing = path.resolve(item);
            return existing != null ? existing : fallback.evaluate(item);
        }
    }

    record ListAppend(SetValue first, SetValue second) implements SetValue {
        @Override
        public DynamoValue evaluate(Map<String, DynamoValue> item) {
            DynamoValue a = first.evaluate(item);
            DynamoValue b = second.evaluate(item);
            if (!(a instanceof DynamoValue.L la) || !(b instanceof DynamoValue.L lb)) {
                throw EngineException.validation(WRONG_TYPE);
            }
            List<DynamoValue> joined =
                    new ArrayList<>(la.values().size() + lb.values().size());
            joined.addAll(la.values());
            joined.addAll(lb.values());
            return new DynamoValue.L(joined);
        }

        @Override
        public String staticType() {
            return "L";
        }
    }

    record Arithmetic(SetValue left, SetValue right, boolean plus) implements SetValue {
        @Override
        public DynamoValue evaluate(Map<String, DynamoValue> item) {
            DynamoValue a = left.evaluate(item);
            if (!(a instanceof DynamoValue.N na)) {
                throw EngineException.validation(WRONG_TYPE);
            }
            DynamoValue b = right.evaluate(item);
            if (!(b instanceof DynamoValue.N nb)) {
                throw EngineException.validation(WRONG_TYPE);
            }
            return Numbers.checked(
                    plus ? na.value().add(nb.value()) : na.value().subtract(nb.value()));
        }

        @Override
        public String staticType() {
            return "N";
        }
    }
}
