package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a parsed key-condition expression into a {@link KeyCondition}: only {@code AND} of simple
 * conditions on key attributes, one per key, with the operators DynamoDB can use on an index.
 */
final class KeyConditions {
    private KeyConditions() {}

    static KeyCondition of(ConditionNode condition, String hashKey, @Nullable String rangeKey) {
        Map<String, SortKeyCondition> conditions = new LinkedHashMap<>();
        collect(condition, conditions);
        requireKeys(conditions.keySet(), hashKey, rangeKey);
        SortKeyCondition hash = conditions.get(hashKey);
        if (hash.op() != SortKeyCondition.Op.EQ) {
            throw EngineException.validation("Query key condition not supported");
        }
        return new KeyCondition(hashKey, hash.value(), rangeKey == null ? null : conditions.get(rangeKey));
    }

    /**
     * The checks that need no key schema, which DynamoDB makes before it looks the table up: only
     * {@code AND} of simple conditions, one per attribute, on top-level attributes, with operators
     * an index supports, and operand types the operator accepts (as for KeyConditions).
     */
    static void checkShape(ConditionNode condition) {
        Map<String, SortKeyCondition> conditions = new LinkedHashMap<>();
        collect(condition, conditions);
        for (SortKeyCondition simple : conditions.values()) {
            List<DynamoValue> operands =
                    simple.upper() == null ? List.of(simple.value()) : List.of(simple.value(), simple.upper());
            LegacyParameters.checkOperandTypes(simple.op().name(), operands);
        }
    }

    /**
     * Checks that conditions on these attributes name the partition key and, when there are two,
     * the sort key: DynamoDB's messages for KeyConditionExpression and KeyConditions alike.
     */
    static void requireKeys(java.util.Set<String> attributes, String hashKey, @Nullable String rangeKey) {
        if (attributes.size() != 1 && attributes.size() != 2) {
            throw EngineException.validation("Conditions can be of length 1 or 2 only");
        }
        if (rangeKey == null && attributes.size() > 1) {
            throw EngineException.validation("Query key condition not supported");
        }
        if (!attributes.contains(hashKey)) {
            throw EngineException.validation("Query condition missed key schema element: " + hashKey);
        }
        if (attributes.size() == 2 && !attributes.contains(rangeKey)) {
            throw EngineException.validation("Query condition missed key schema element: " + rangeKey);
        }
    }

    private static void collect(ConditionNode condition, Map<String, SortKeyCondition> into) {
        if (condition instanceof ConditionNode.And and) {
            collect(and.left(), into);
            collect(and.right(), into);
            return;
        }
        SortKeyCondition simple = simple(condition);
        if (into.containsKey(simple.attribute())) {
            throw EngineException.validation("KeyConditionExpressions must only contain one condition per key");
        }
        into.put(simple.attribute(), simple);
    }

    private static SortKeyCondition simple(ConditionNode condition) {
        if (condition instanceof ConditionNode.Or) {
            throw invalidOperator("OR");
        }
        if (condition instanceof ConditionNode.Not) {
            throw invalidOperator("NOT");
        }
        if (condition instanceof ConditionNode.In) {
            throw invalidOperator("IN");
        }
        if (condition instanceof ConditionNode.Exists exists) {
            throw invalidOperator(exists.exists() ? "attribute_exists" : "attribute_not_exists");
        }
        if (condition instanceof ConditionNode.TypeIs) {
            throw invalidOperator("attribute_type");
        }
        if (condition instanceof ConditionNode.Contains) {
            throw invalidOperator("contains");
        }
        if (condition instanceof ConditionNode.Compare compare) {
            if (compare.comparator() == ConditionNode.Comparator.NE) {
                throw invalidOperator("<>");
            }
            return comparison(compare);
        }
        if (condition instanceof ConditionNode.Between between) {
            checkNoSize(List.of(between.value(), between.lower(), between.upper()));
            if (!(between.value() instanceof Operand.Path)) {
                throw firstOperand("BETWEEN");
            }
            String key = keyAttribute(List.of(between.value(), between.lower(), between.upper()));
            return new SortKeyCondition(
                    key, SortKeyCondition.Op.BETWEEN, value(between.lower()), value(between.upper()));
        }
        if (condition instanceof ConditionNode.BeginsWith beginsWith) {
            checkNoSize(List.of(beginsWith.value(), beginsWith.prefix()));
            if (!(beginsWith.value() instanceof Operand.Path)) {
                throw firstOperand("begins_with");
            }
            String key = keyAttribute(List.of(beginsWith.value(), beginsWith.prefix()));
            return new SortKeyCondition(key, SortKeyCondition.Op.BEGINS_WITH, value(beginsWith.prefix()), null);
        }
        throw EngineException.validation("Query key condition not supported");
    }

    private static SortKeyCondition comparison(ConditionNode.Compare compare) {
        checkNoSize(List.of(compare.left(), compare.right()));
        String key = keyAttribute(List.of(compare.left(), compare.right()));
        boolean keyFirst = compare.left() instanceof Operand.Path;
        Operand other = keyFirst ? compare.right() : compare.left();
        // ":v < sk" is "sk > :v".
        SortKeyCondition.Op op =
                switch (compare.comparator()) {
                    case EQ -> SortKeyCondition.Op.EQ;
                    case LT -> keyFirst ? SortKeyCondition.Op.LT : SortKeyCondition.Op.GT;
                    case LE -> keyFirst ? SortKeyCondition.Op.LE : SortKeyCondition.Op.GE;
                    case GT -> keyFirst ? SortKeyCondition.Op.GT : SortKeyCondition.Op.LT;
                    case GE -> keyFirst ? SortKeyCondition.Op.GE : SortKeyCondition.Op.LE;
                    case NE -> throw invalidOperator("<>");
                };
        return new SortKeyCondition(key, op, value(other), null);
    }

    private static void checkNoSize(List<Operand> operands) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.Size) {
                throw EngineException.validation("KeyConditionExpressions cannot contain nested operations");
            }
        }
    }

    /** The single, top-level attribute the operands name. */
    private static String keyAttribute(List<Operand> operands) {
        String key = null;
        for (Operand operand : operands) {
            if (operand instanceof Operand.Path path) {
                if (key != null) {
                    throw EngineException.validation(
                            "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
                }
                if (!path.path().isTopLevel()) {
                    throw EngineException.validation(
                            "KeyConditionExpressions cannot have conditions on nested attributes");
                }
                key = path.path().head();
            }
        }
        if (key == null) {
            throw EngineException.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        return key;
    }

    private static DynamoValue value(Operand operand) {
        if (operand instanceof Operand.Value value) {
            return value.value();
        }
        throw EngineException.validation("Query key condition not supported");
    }

    private static EngineException invalidOperator(String operator) {
        return EngineException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static EngineException firstOperand(String operator) {
        return EngineException.validation("Invalid condition in KeyConditionExpression: " + operator
                + " operator must have the key attribute as its first operand");
    }
}
