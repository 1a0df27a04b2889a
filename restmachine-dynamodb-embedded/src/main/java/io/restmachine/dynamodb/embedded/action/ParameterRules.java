package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's rules about which request parameters go together, checked before anything is read
 * from a table: expression vs legacy parameters, placeholders without expressions,
 * {@code ReturnValues} of puts and deletes, {@code AttributesToGet} duplicates.
 */
public final class ParameterRules {
    private ParameterRules() {}

    /**
     * "Can not use both expression and non-expression parameters", and placeholders without
     * expressions.
     *
     * @param present whether the request has a member
     */
    public static void checkExpressionParameters(
            Predicate<String> present, List<String> expressions, List<String> legacy) {
        if (noneOf(present, expressions)
                && !present.test("ExpressionAttributeNames")
                && !present.test("ExpressionAttributeValues")) {
            return; // the usual request without expressions: nothing below can fail (and no lists built)
        }
        List<String> used = expressions.stream().filter(present).toList();
        if (!used.isEmpty()) {
            List<String> legacyUsed = legacy.stream()
                    .filter(name -> !(name.equals("KeyConditions") && !present.test("KeyConditionExpression")))
                    .filter(present)
                    .toList();
            if (!legacyUsed.isEmpty()) {
                throw EngineException.validation("Can not use both expression and non-expression parameters in the"
                        + " same request: Non-expression parameters: {" + String.join(", ", legacyUsed)
                        + "} Expression parameters: {" + String.join(", ", used) + "}");
            }
        }
        if (present.test("ExpressionAttributeNames") && used.isEmpty()) {
            throw EngineException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = expressions.stream()
                .filter(e -> !e.equals("ProjectionExpression"))
                .toList();
        if (!valueExpressions.isEmpty()
                && present.test("ExpressionAttributeValues")
                && valueExpressions.stream().noneMatch(present)) {
            throw EngineException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + " " + (valueExpressions.size() > 1 ? "are" : "is")
                    + " null");
        }
    }

    private static boolean noneOf(Predicate<String> present, List<String> names) {
        for (String name : names) {
            if (present.test(name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the {@code ReturnValues} of a PutItem or DeleteItem asks for the old item; they
     * accept only {@code ALL_OLD} and {@code NONE}, anything else is DynamoDB's ValidationException.
     */
    public static boolean returnsOld(@Nullable String returnValues) {
        if (returnValues != null && !returnValues.equals("ALL_OLD") && !returnValues.equals("NONE")) {
            throw EngineException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return "ALL_OLD".equals(returnValues);
    }

    /** {@code AttributesToGet} without duplicates (DynamoDB refuses them), or null when absent. */
    public static @Nullable List<String> attributesToGet(@Nullable List<String> names) {
        if (names == null) {
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw EngineException.validation(
                        "One or more parameter values were invalid: Duplicate value in attribute name: " + name);
            }
        }
        return new ArrayList<>(seen);
    }
}
