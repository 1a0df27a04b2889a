package io.restmachine.dynamodb.embedded.expression;

import static io.restmachine.dynamodb.embedded.expression.Values.s;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionContextTest {

    @Test
    void requireAllUsed_namesTheUnusedValuesInTheOrderGiven() {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        values.put(":used", s("x"));
        values.put(":b", s("x"));
        values.put(":a", s("x"));
        ExpressionContext ctx = new ExpressionContext(null, values);
        Expressions.condition("x = :used", ctx, "ConditionExpression");
        assertThatThrownBy(ctx::requireAllUsed)
                .hasMessage("ValidationException: Value provided in ExpressionAttributeValues unused in expressions:"
                        + " keys: {:b, :a}");
    }

    @Test
    void requireAllUsed_reportsUnusedNamesBeforeUnusedValues() {
        ExpressionContext ctx = new ExpressionContext(Map.of("#n", "x"), Map.of(":v", s("x")));
        assertThatThrownBy(ctx::requireAllUsed)
                .hasMessage("ValidationException: Value provided in ExpressionAttributeNames unused in expressions:"
                        + " keys: {#n}");
    }

    @Test
    void requireAllUsed_countsUsesAcrossAllExpressionsOfARequest() {
        ExpressionContext ctx = new ExpressionContext(Map.of("#n", "x", "#p", "y"), Map.of(":v", s("x")));
        Expressions.update("SET #n = :v", ctx);
        Expressions.projection("#p", ctx);
        assertThatCode(ctx::requireAllUsed).doesNotThrowAnyException();
        assertThatCode(ExpressionContext.empty()::requireAllUsed).doesNotThrowAnyException();
    }

    @Test
    void constructor_rejectsEmptyMapsAndMalformedKeys() {
        assertThatThrownBy(() -> new ExpressionContext(Map.of(), null))
                .hasMessage("ValidationException: ExpressionAttributeNames must not be empty");
        assertThatThrownBy(() -> new ExpressionContext(null, Map.of()))
                .hasMessage("ValidationException: ExpressionAttributeValues must not be empty");
        assertThatThrownBy(() -> new ExpressionContext(Map.of("n", "x"), null))
                .hasMessage("ValidationException: ExpressionAttributeNames contains invalid key: Syntax error; key:"
                        + " \"n\"");
        assertThatThrownBy(() -> new ExpressionContext(Map.of("#", "x"), null))
                .hasMessage("ValidationException: ExpressionAttributeNames contains invalid key: Syntax error; key:"
                        + " \"#\"");
        assertThatThrownBy(() -> new ExpressionContext(null, Map.of(":a-b", s("x"))))
                .hasMessage("ValidationException: ExpressionAttributeValues contains invalid key: Syntax error; key:"
                        + " \":a-b\"");
    }
}
