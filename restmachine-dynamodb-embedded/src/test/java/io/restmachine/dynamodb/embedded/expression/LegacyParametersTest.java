package io.restmachine.dynamodb.embedded.expression;

import static io.restmachine.dynamodb.embedded.expression.Values.item;
import static io.restmachine.dynamodb.embedded.expression.Values.l;
import static io.restmachine.dynamodb.embedded.expression.Values.m;
import static io.restmachine.dynamodb.embedded.expression.Values.n;
import static io.restmachine.dynamodb.embedded.expression.Values.ns;
import static io.restmachine.dynamodb.embedded.expression.Values.s;
import static io.restmachine.dynamodb.embedded.expression.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.expression.LegacyParameters.AttributeCondition;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters.AttributeValueUpdate;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters.ExpectedAttributeValue;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The legacy parameters behave as the expressions they translate to. */
class LegacyParametersTest {

    private static final Map<String, DynamoValue> ITEM =
            item("pk", s("p"), "n", n("5"), "name", s("Ada"), "tags", ss("a", "b"), "seq", l(s("x")));

    private static boolean filter(String operator, DynamoValue... values) {
        return LegacyParameters.filter(Map.of("n", AttributeCondition.of(operator, values)), null)
                .test(ITEM);
    }

    @Test
    void filter_comparisons() {
        assertThat(filter("EQ", n("5"))).isTrue();
        assertThat(filter("NE", n("5"))).isFalse();
        assertThat(filter("LT", n("6"))).isTrue();
        assertThat(filter("LE", n("5"))).isTrue();
        assertThat(filter("GT", n("5"))).isFalse();
        assertThat(filter("GE", n("5"))).isTrue();
        assertThat(filter("NOT_NULL")).isTrue();
        assertThat(filter("NULL")).isFalse();
        assertThat(filter("IN", n("1"), n("5"))).isTrue();
        assertThat(filter("BETWEEN", n("1"), n("5"))).isTrue();
        assertThat(filter("BETWEEN", n("6"), n("9"))).isFalse();
    }

    @Test
    void filter_stringFunctions() {
        Map<String, AttributeCondition> conditions = new LinkedHashMap<>();
        conditions.put("name", AttributeCondition.of("BEGINS_WITH", s("Ad")));
        conditions.put("tags", AttributeCondition.of("CONTAINS", s("a")));
        conditions.put("seq", AttributeCondition.of("NOT_CONTAINS", s("y")));
        assertThat(LegacyParameters.filter(conditions, "AND").test(ITEM)).isTrue();
        assertThat(LegacyParameters.filter(Map.of("absent", AttributeCondition.of("NOT_CONTAINS", s("y"))), null)
                        .test(ITEM))
                .isTrue();
    }

    @Test
    void filter_combinesWithTheConditionalOperator() {
        Map<String, AttributeCondition> conditions = new LinkedHashMap<>();
        conditions.put("n", AttributeCondition.of("EQ", n("1")));
        conditions.put("name", AttributeCondition.of("EQ", s("Ada")));
        assertThat(LegacyParameters.filter(conditions, null).test(ITEM)).isFalse();
        assertThat(LegacyParameters.filter(conditions, "AND").test(ITEM)).isFalse();
        assertThat(LegacyParameters.filter(conditions, "OR").test(ITEM)).isTrue();
        assertThat(LegacyParameters.filter(Map.of(), null).test(ITEM)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EQ | 0 | One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator",
                "NULL | 1 | One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator",
                "BETWEEN | 1 | One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator",
                "IN | 0 | One or more parameter values were invalid: Invalid number of argument(s) for the IN ComparisonOperator",
            })
    void filter_rejectsAWrongNumberOfOperands(String operator, int count, String message) {
        DynamoValue[] values = new DynamoValue[count];
        java.util.Arrays.fill(values, n("1"));
        assertThatThrownBy(() -> LegacyParameters.filter(Map.of("n", AttributeCondition.of(operator, values)), null))
                .hasMessage("ValidationException: " + message);
    }

    @Test
    void filter_rejectsOperandsOfTheWrongType() {
        assertThatThrownBy(() -> LegacyParameters.filter(Map.of("n", AttributeCondition.of("LT", ss("a"))), null))
                .hasMessage("ValidationException: One or more parameter values were invalid: ComparisonOperator LT is"
                        + " not valid for SS AttributeValue type");
        assertThatThrownBy(
                        () -> LegacyParameters.filter(Map.of("n", AttributeCondition.of("BEGINS_WITH", n("1"))), null))
                .hasMessage("ValidationException: One or more parameter values were invalid: ComparisonOperator"
                        + " BEGINS_WITH is not valid for N AttributeValue type");
        assertThatThrownBy(
                        () -> LegacyParameters.filter(Map.of("n", AttributeCondition.of("IN", n("1"), s("1"))), null))
                .hasMessage("ValidationException: One or more parameter values were invalid: AttributeValues inside"
                        + " AttributeValueList must be of same type");
        assertThatThrownBy(() ->
                        LegacyParameters.filter(Map.of("n", AttributeCondition.of("BETWEEN", n("2"), n("1"))), null))
                .hasMessage("ValidationException: The BETWEEN condition was provided a range where the lower bound is"
                        + " greater than the upper bound");
        assertThatThrownBy(() -> LegacyParameters.filter(Map.of("n", AttributeCondition.of("LIKE", n("1"))), null))
                .hasMessageContaining("Member must satisfy enum value set");
    }

    @Test
    void expected_valueExistsAndComparisons() {
        assertThat(expected("n", new ExpectedAttributeValue(n("5"), null, null, null)))
                .isTrue();
        assertThat(expected("n", new ExpectedAttributeValue(n("5"), true, null, null)))
                .isTrue();
        assertThat(expected("n", new ExpectedAttributeValue(n("4"), null, null, null)))
                .isFalse();
        assertThat(expected("absent", new ExpectedAttributeValue(null, false, null, null)))
                .isTrue();
        assertThat(expected("n", new ExpectedAttributeValue(null, false, null, null)))
                .isFalse();
        assertThat(expected("n", new ExpectedAttributeValue(null, null, "GT", List.of(n("4")))))
                .isTrue();
        assertThat(expected("n", new ExpectedAttributeValue(n("4"), null, "GT", null)))
                .isTrue();
        assertThat(expected("n", new ExpectedAttributeValue(null, null, "NOT_NULL", null)))
                .isTrue();
    }

    private static boolean expected(String attribute, ExpectedAttributeValue value) {
        return LegacyParameters.expected(Map.of(attribute, value), null).test(ITEM);
    }

    @Test
    void expected_rejectsInconsistentEntriesWithDynamoDbsMessages() {
        String prefix = "ValidationException: One or more parameter values were invalid: ";
        assertExpectedRejected(
                new ExpectedAttributeValue(n("1"), null, "EQ", List.of(n("1"))),
                prefix + "Value and AttributeValueList cannot be used together for Attribute: a");
        assertExpectedRejected(
                new ExpectedAttributeValue(null, true, "NULL", null),
                prefix + "Exists and ComparisonOperator cannot be used together for Attribute: a");
        assertExpectedRejected(
                new ExpectedAttributeValue(null, null, "EQ", null),
                prefix + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a");
        assertExpectedRejected(
                new ExpectedAttributeValue(null, null, null, List.of(n("1"))),
                prefix + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
        assertExpectedRejected(
                new ExpectedAttributeValue(null, null, null, null),
                prefix + "Value must be provided when Exists is null for Attribute: a");
        assertExpectedRejected(
                new ExpectedAttributeValue(null, true, null, null),
                prefix + "Value must be provided when Exists is true for Attribute: a");
        assertExpectedRejected(
                new ExpectedAttributeValue(n("1"), false, null, null),
                prefix + "Value cannot be used when Exists is false for Attribute: a");
        assertExpectedRejected(
                new ExpectedAttributeValue(null, null, "BETWEEN", List.of(n("1"))),
                prefix + "Invalid number of argument(s) for the BETWEEN ComparisonOperator");
    }

    private static void assertExpectedRejected(ExpectedAttributeValue value, String message) {
        assertThatThrownBy(() -> LegacyParameters.expected(Map.of("a", value), null))
                .hasMessage(message);
    }

    @Test
    void attributeUpdates_putDeleteAndAdd() {
        Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
        updates.put("name", new AttributeValueUpdate(null, s("Grace")));
        updates.put("pk2", new AttributeValueUpdate("PUT", s("q")));
        updates.put("n", new AttributeValueUpdate("ADD", n("2")));
        updates.put("tags", new AttributeValueUpdate("DELETE", ss("a")));
        updates.put("seq", new AttributeValueUpdate("ADD", l(s("y"))));
        updates.put("count", new AttributeValueUpdate("ADD", n("1")));
        UpdateExpression update = LegacyParameters.attributeUpdates(updates);
        assertThat(update.apply(ITEM))
                .containsEntry("name", s("Grace"))
                .containsEntry("pk2", s("q"))
                .containsEntry("n", n("7"))
                .containsEntry("tags", ss("b"))
                .containsEntry("seq", l(s("x"), s("y")))
                .containsEntry("count", n("1"));
        assertThat(update.topLevelAttributes()).containsExactlyInAnyOrder("name", "pk2", "n", "tags", "seq", "count");
        assertThat(LegacyParameters.attributeUpdates(Map.of("name", new AttributeValueUpdate("DELETE", null)))
                        .apply(ITEM))
                .doesNotContainKey("name");
    }

    @Test
    void attributeUpdates_rejectWithDynamoDbsMessages() {
        String prefix = "ValidationException: One or more parameter values were invalid: ";
        assertThatThrownBy(() -> LegacyParameters.attributeUpdates(Map.of("a", new AttributeValueUpdate("PUT", null))))
                .hasMessage(prefix + "Only DELETE action is allowed when no attribute value is specified");
        assertThatThrownBy(() ->
                        LegacyParameters.attributeUpdates(Map.of("a", new AttributeValueUpdate("DELETE", s("x")))))
                .hasMessage(prefix + "DELETE action with value is not supported for the type S");
        assertThatThrownBy(() -> LegacyParameters.attributeUpdates(Map.of("a", new AttributeValueUpdate("ADD", m()))))
                .hasMessage(prefix + "ADD action is not supported for the type M");
        UpdateExpression mismatch =
                LegacyParameters.attributeUpdates(Map.of("name", new AttributeValueUpdate("ADD", n("1"))));
        assertThatThrownBy(() -> mismatch.apply(ITEM))
                .hasMessage("ValidationException: Type mismatch for attribute to update");
        UpdateExpression deleteMismatch =
                LegacyParameters.attributeUpdates(Map.of("tags", new AttributeValueUpdate("DELETE", ns("1"))));
        assertThatThrownBy(() -> deleteMismatch.apply(ITEM))
                .hasMessage("ValidationException: Type mismatch for attribute to update");
    }

    @Test
    void attributesToGet_projectsTopLevelAttributes() {
        assertThat(LegacyParameters.attributesToGet(List.of("name", "absent", "a.b"))
                        .apply(ITEM))
                .containsOnlyKeys("name");
        assertThat(LegacyParameters.attributesToGet(List.of("a.b")).apply(item("a.b", s("x"))))
                .containsEntry("a.b", s("x"));
        assertThatThrownBy(() -> LegacyParameters.attributesToGet(List.of("a", "a")))
                .hasMessage("ValidationException: One or more parameter values were invalid: Duplicate value in"
                        + " attribute name: a");
    }

    @Test
    void keyConditions_splitIntoPartitionAndSortKey() {
        Map<String, AttributeCondition> conditions = new LinkedHashMap<>();
        conditions.put("sk", AttributeCondition.of("BETWEEN", n("1"), n("3")));
        conditions.put("pk", AttributeCondition.of("EQ", s("p")));
        assertThat(LegacyParameters.keyConditions(conditions, "pk", "sk"))
                .isEqualTo(new KeyCondition(
                        "pk", s("p"), new SortKeyCondition("sk", SortKeyCondition.Op.BETWEEN, n("1"), n("3"))));
        assertThat(LegacyParameters.keyConditions(Map.of("pk", AttributeCondition.of("EQ", s("p"))), "pk", null))
                .isEqualTo(new KeyCondition("pk", s("p"), null));
    }

    @Test
    void keyConditions_rejectWithDynamoDbsMessages() {
        assertKeyRejected(
                Map.of("sk", AttributeCondition.of("EQ", s("p"))), "Query condition missed key schema element: pk");
        assertKeyRejected(Map.of("pk", AttributeCondition.of("GT", s("p"))), "Query key condition not supported");
        assertKeyRejected(
                Map.of("pk", AttributeCondition.of("NOT_NULL")),
                "Attempted conditional constraint is not an indexable operation");
        assertKeyRejected(
                Map.of("pk", AttributeCondition.of("EQ", s("p")), "x", AttributeCondition.of("EQ", s("p"))),
                "Query condition missed key schema element: sk");
        assertKeyRejected(
                Map.of("pk", AttributeCondition.of("EQ", s("p")), "sk", AttributeCondition.of("IN", s("p"))),
                "Attempted conditional constraint is not an indexable operation");
        assertKeyRejected(Map.of(), "Conditions can be of length 1 or 2 only");
    }

    private static void assertKeyRejected(Map<String, AttributeCondition> conditions, String message) {
        assertThatThrownBy(() -> LegacyParameters.keyConditions(conditions, "pk", "sk"))
                .hasMessage("ValidationException: " + message);
    }
}
