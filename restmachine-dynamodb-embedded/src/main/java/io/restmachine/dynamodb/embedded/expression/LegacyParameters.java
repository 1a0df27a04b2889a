package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's legacy (pre-expression) parameters, checked with DynamoDB's messages and translated to
 * the same objects expressions parse to: {@code Expected} with {@code ConditionalOperator},
 * {@code QueryFilter}/{@code ScanFilter}, {@code KeyConditions}, {@code AttributeUpdates} and
 * {@code AttributesToGet}. The caller reads the JSON and checks each attribute value.
 */
public final class LegacyParameters {
    private LegacyParameters() {}

    /**
     * One entry of {@code Expected}, as sent; null where a member is absent.
     *
     * @param value the value the attribute must equal (without a comparison operator)
     * @param exists whether the attribute must exist
     * @param comparisonOperator a comparison, as in {@link AttributeCondition}
     * @param attributeValueList the comparison's operands
     */
    public record ExpectedAttributeValue(
            @Nullable DynamoValue value,
            @Nullable Boolean exists,
            @Nullable String comparisonOperator,
            @Nullable List<DynamoValue> attributeValueList) {
        public ExpectedAttributeValue {
            attributeValueList = attributeValueList == null ? null : List.copyOf(attributeValueList);
        }
    }

    /**
     * One entry of {@code QueryFilter}, {@code ScanFilter} or {@code KeyConditions}.
     *
     * @param comparisonOperator {@code EQ}, {@code NE}, {@code LE}, {@code LT}, {@code GE}, {@code GT},
     *     {@code NOT_NULL}, {@code NULL}, {@code CONTAINS}, {@code NOT_CONTAINS}, {@code BEGINS_WITH},
     *     {@code IN} or {@code BETWEEN}
     * @param attributeValueList the operands (empty when absent)
     */
    public record AttributeCondition(String comparisonOperator, List<DynamoValue> attributeValueList) {
        public AttributeCondition {
            Objects.requireNonNull(comparisonOperator, "comparisonOperator");
            attributeValueList = List.copyOf(attributeValueList);
        }

        /** A condition with an operator and its operands. */
        public static AttributeCondition of(String comparisonOperator, DynamoValue... attributeValueList) {
            return new AttributeCondition(comparisonOperator, List.of(attributeValueList));
        }
    }

    /**
     * One entry of {@code AttributeUpdates}.
     *
     * @param action {@code PUT} (the default when null), {@code ADD} or {@code DELETE}
     * @param value the operand, absent only for DELETE of the whole attribute
     */
    public record AttributeValueUpdate(@Nullable String action, @Nullable DynamoValue value) {}

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> SCALARS = Set.of("S", "N", "B");
    private static final Set<String> SCALARS_AND_SETS = Set.of("S", "N", "B", "SS", "NS", "BS");

    /**
     * {@code Expected} with {@code ConditionalOperator} ({@code AND} when null) as a condition.
     *
     * @throws EngineException a ValidationException with DynamoDB's message for an inconsistent entry
     */
    public static ConditionExpression expected(
            Map<String, ExpectedAttributeValue> expected, @Nullable String conditionalOperator) {
        List<ConditionNode> conditions = new ArrayList<>();
        for (Map.Entry<String, ExpectedAttributeValue> entry : expected.entrySet()) {
            conditions.add(expectedEntry(entry.getKey(), entry.getValue()));
        }
        return combine(conditions, conditionalOperator);
    }

    private static ConditionNode expectedEntry(String key, ExpectedAttributeValue c) {
        if (c.attributeValueList() != null && c.value() != null) {
            throw invalid("Value and AttributeValueList cannot be used together for Attribute: " + key);
        }
        String operator = c.comparisonOperator();
        if (operator != null) {
            if (c.exists() != null) {
                throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + key);
            }
            if (!operator.equals("NULL")
                    && !operator.equals("NOT_NULL")
                    && c.attributeValueList() == null
                    && c.value() == null) {
                throw invalid("Value or AttributeValueList must be used with ComparisonOperator: " + operator
                        + " for Attribute: " + key);
            }
            List<DynamoValue> operands = c.attributeValueList() != null
                    ? c.attributeValueList()
                    : c.value() != null ? List.of(c.value()) : List.of();
            checkCount(operator, operands);
            checkSameTypes(operands);
            checkBetweenRange(operator, operands);
            return comparison(key, operator, operands);
        }
        if (c.attributeValueList() != null) {
            throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + key);
        }
        boolean exists = c.exists() == null || c.exists();
        if (exists && c.value() == null) {
            throw invalid("Value must be provided when Exists is " + (c.exists() == null ? "null" : "true")
                    + " for Attribute: " + key);
        }
        if (!exists && c.value() != null) {
            throw invalid("Value cannot be used when Exists is false for Attribute: " + key);
        }
        if (!exists) {
            return new ConditionNode.Exists(path(key), false);
        }
        return comparison(key, "EQ", List.of(Objects.requireNonNull(c.value())));
    }

    /**
     * {@code QueryFilter} or {@code ScanFilter} with {@code ConditionalOperator} ({@code AND} when
     * null) as a condition.
     *
     * @throws EngineException a ValidationException with DynamoDB's message for a wrong number or
     *     type of operands
     */
    public static ConditionExpression filter(
            Map<String, AttributeCondition> filter, @Nullable String conditionalOperator) {
        List<ConditionNode> conditions = new ArrayList<>();
        for (Map.Entry<String, AttributeCondition> entry : filter.entrySet()) {
            String operator = entry.getValue().comparisonOperator();
            List<DynamoValue> operands = checkedOperands(operator, entry.getValue());
            conditions.add(comparison(entry.getKey(), operator, operands));
        }
        return combine(conditions, conditionalOperator);
    }

    /**
     * {@code KeyConditions} as a key condition: equality on the partition key and at most one
     * condition (EQ, LE, LT, GE, GT, BEGINS_WITH or BETWEEN) on the sort key.
     *
     * @throws EngineException a ValidationException with DynamoDB's message otherwise
     */
    /**
     * The checks of KeyConditions that need no key schema (each condition's operator, operand count
     * and operand types), which DynamoDB makes before it looks the table up.
     */
    public static void checkKeyConditionOperands(Map<String, AttributeCondition> keyConditions) {
        for (Map.Entry<String, AttributeCondition> entry : keyConditions.entrySet()) {
            checkedOperands(entry.getValue().comparisonOperator(), entry.getValue());
        }
    }

    public static KeyCondition keyConditions(
            Map<String, AttributeCondition> keyConditions, String hashKey, @Nullable String rangeKey) {
        checkKeyConditionOperands(keyConditions);
        KeyConditions.requireKeys(keyConditions.keySet(), hashKey, rangeKey);
        AttributeCondition hash = Objects.requireNonNull(keyConditions.get(hashKey));
        AttributeCondition range = rangeKey == null ? null : keyConditions.get(rangeKey);
        String hashOperator = hash.comparisonOperator();
        checkIndexable(hashOperator);
        if (!hashOperator.equals("EQ")) {
            throw EngineException.validation("Query key condition not supported");
        }
        List<DynamoValue> hashOperands = checkedOperands(hashOperator, hash);
        SortKeyCondition sort = null;
        if (range != null) {
            String operator = range.comparisonOperator();
            checkIndexable(operator);
            List<DynamoValue> operands = checkedOperands(operator, range);
            SortKeyCondition.Op op = SortKeyCondition.Op.valueOf(operator);
            sort = new SortKeyCondition(
                    Objects.requireNonNull(rangeKey),
                    op,
                    operands.get(0),
                    op == SortKeyCondition.Op.BETWEEN ? operands.get(1) : null);
        }
        return new KeyCondition(hashKey, hashOperands.get(0), sort);
    }

    private static void checkIndexable(String operator) {
        if (Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN").contains(operator)) {
            throw EngineException.validation("Attempted conditional constraint is not an indexable operation");
        }
    }

    /**
     * {@code AttributeUpdates} as an update: PUT sets, DELETE removes the attribute or (with a set)
     * its elements, ADD adds to a number, a set or a list.
     *
     * @throws EngineException a ValidationException with DynamoDB's message for an action that does
     *     not fit its value
     */
    public static UpdateExpression attributeUpdates(Map<String, AttributeValueUpdate> updates) {
        List<Update.Action> actions = new ArrayList<>(updates.size());
        for (Map.Entry<String, AttributeValueUpdate> entry : updates.entrySet()) {
            String action =
                    entry.getValue().action() == null ? "PUT" : entry.getValue().action();
            DynamoValue value = entry.getValue().value();
            DocumentPath path = path(entry.getKey());
            if (value == null) {
                if (!"DELETE".equals(action)) {
                    throw invalid("Only DELETE action is allowed when no attribute value is specified");
                }
                actions.add(new Update.Action.Remove(path));
                continue;
            }
            switch (action) {
                case "PUT" -> actions.add(new Update.Action.Set(path, new SetValue.Of(new Operand.Value(value))));
                case "DELETE" -> {
                    if (!Set.of("SS", "NS", "BS").contains(value.type())) {
                        throw invalid("DELETE action with value is not supported for the type " + value.type());
                    }
                    actions.add(new Update.Action.Delete(path, value));
                }
                case "ADD" -> {
                    if (!Set.of("L", "SS", "NS", "BS", "N").contains(value.type())) {
                        throw invalid("ADD action is not supported for the type " + value.type());
                    }
                    actions.add(new Update.Action.Add(path, value));
                }
                default -> throw EngineException.validation("1 validation error detected: Value '" + action
                        + "' at 'attributeUpdates." + entry.getKey()
                        + ".member.action' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [ADD, PUT, DELETE]");
            }
        }
        return new Update(actions, "Type mismatch for attribute to update");
    }

    /**
     * {@code AttributesToGet} as a projection.
     *
     * @throws EngineException a ValidationException naming a duplicate attribute name
     */
    public static ProjectionExpression attributesToGet(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<DocumentPath> paths = new ArrayList<>(names.size());
        for (String name : names) {
            if (!seen.add(name)) {
                throw invalid("Duplicate value in attribute name: " + name);
            }
            paths.add(path(name));
        }
        return new Projection(paths);
    }

    private static List<DynamoValue> checkedOperands(String operator, AttributeCondition condition) {
        List<DynamoValue> operands = condition.attributeValueList();
        checkCount(operator, operands);
        checkSameTypes(operands);
        checkOperandTypes(operator, operands);
        checkBetweenRange(operator, operands);
        return operands;
    }

    /** {@code ComparisonOperator LT is not valid for BOOL AttributeValue type}, as for legacy conditions. */
    static void checkOperandTypes(String operator, List<DynamoValue> operands) {
        Set<String> allowed =
                switch (operator) {
                    case "EQ", "NE" -> SCALARS_AND_SETS;
                    case "BEGINS_WITH" -> Set.of("S", "B");
                    case "NULL", "NOT_NULL" -> Set.of();
                    default -> SCALARS;
                };
        for (DynamoValue operand : operands) {
            if (!allowed.contains(operand.type())) {
                throw invalid("ComparisonOperator " + operator + " is not valid for " + operand.type()
                        + " AttributeValue type");
            }
        }
    }

    private static void checkCount(String operator, List<DynamoValue> operands) {
        int n = operands.size();
        boolean valid =
                switch (operator) {
                    case "EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH" -> n == 1;
                    case "NULL", "NOT_NULL" -> n == 0;
                    case "IN" -> n > 0;
                    case "BETWEEN" -> n == 2;
                    default -> throw EngineException.validation("1 validation error detected: Value '" + operator
                            + "' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set:"
                            + " [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE,"
                            + " CONTAINS]");
                };
        if (!valid) {
            throw invalid("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
    }

    private static void checkSameTypes(List<DynamoValue> operands) {
        for (DynamoValue operand : operands) {
            if (!operand.type().equals(operands.get(0).type())) {
                throw invalid("AttributeValues inside AttributeValueList must be of same type");
            }
        }
    }

    private static void checkBetweenRange(String operator, List<DynamoValue> operands) {
        if (operator.equals("BETWEEN")
                && DynamoValues.comparable(operands.get(0), operands.get(1))
                && DynamoValues.compare(operands.get(0), operands.get(1)) > 0) {
            throw EngineException.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    private static ConditionNode comparison(String attribute, String operator, List<DynamoValue> operands) {
        Operand path = new Operand.Path(path(attribute));
        List<Operand> values =
                operands.stream().<Operand>map(Operand.Value::new).toList();
        return switch (operator) {
            case "EQ" -> compare(ConditionNode.Comparator.EQ, path, values);
            case "NE" -> compare(ConditionNode.Comparator.NE, path, values);
            case "LT" -> compare(ConditionNode.Comparator.LT, path, values);
            case "LE" -> compare(ConditionNode.Comparator.LE, path, values);
            case "GT" -> compare(ConditionNode.Comparator.GT, path, values);
            case "GE" -> compare(ConditionNode.Comparator.GE, path, values);
            case "NULL" -> new ConditionNode.Exists(path(attribute), false);
            case "NOT_NULL" -> new ConditionNode.Exists(path(attribute), true);
            case "CONTAINS" -> new ConditionNode.Contains(path, values.get(0));
            case "NOT_CONTAINS" -> new ConditionNode.Not(new ConditionNode.Contains(path, values.get(0)));
            case "BEGINS_WITH" -> new ConditionNode.BeginsWith(path, values.get(0));
            case "IN" -> new ConditionNode.In(path, values);
            case "BETWEEN" -> new ConditionNode.Between(path, values.get(0), values.get(1));
            default -> throw new IllegalStateException("operator checked before: " + operator);
        };
    }

    private static ConditionNode compare(ConditionNode.Comparator comparator, Operand path, List<Operand> values) {
        return new ConditionNode.Compare(comparator, path, values.get(0));
    }

    private static ConditionExpression combine(List<ConditionNode> conditions, @Nullable String conditionalOperator) {
        boolean or = "OR".equals(conditionalOperator);
        ConditionNode result = null;
        for (ConditionNode condition : conditions) {
            if (result == null) {
                result = condition;
            } else if (or) {
                result = new ConditionNode.Or(result, condition);
            } else {
                result = new ConditionNode.And(result, condition);
            }
        }
        return result == null ? ConditionNode.always() : result;
    }

    private static DocumentPath path(String attribute) {
        return DocumentPath.of(List.of(attribute));
    }

    private static EngineException invalid(String message) {
        return EngineException.validation(INVALID + message);
    }
}
