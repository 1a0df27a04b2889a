package io.restmachine.orm.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.vectors.Vectors;
import io.restmachine.dynamodb.embedded.vectors.Vectors.NumberCase;
import io.restmachine.orm.Id;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.ItemLayout;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core's number limits against the shared vectors (numbers.tsv in the engine's test jar): a
 * {@code BigDecimal} field holding each number is written when DynamoDB would store it (with the
 * same value as DynamoDB's canonical text) and rejected before anything is sent otherwise.
 */
class NumberVectorsTest {

    /** A model with one number field. */
    public record Amount(@Id String id, BigDecimal value) {}

    private final EntityModel<Amount> model = new ModelFactory(ItemLayout.defaults(), Map.of()).model(Amount.class);

    /** The vectors a Java {@code BigDecimal} can hold (not the wire syntax errors, nor exponents past an int). */
    static List<NumberCase> decimals() {
        return Vectors.numbers().stream()
                .filter(n -> n.outcome() != Vectors.NumberOutcome.NOT_A_NUMBER && fitsBigDecimal(n.text()))
                .toList();
    }

    private static boolean fitsBigDecimal(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("decimals")
    void aNumberField_isWrittenOrRejected_asDynamoDbWouldStoreIt(NumberCase number) {
        Amount amount = new Amount("a1", new BigDecimal(number.text()));
        if (number.outcome().accepted()) {
            ItemValue stored = model.toItem(amount).get("value");
            assertThat(((ItemValue.N) stored).value()).isEqualByComparingTo(number.canonical());
        } else {
            assertThatThrownBy(() -> model.toItem(amount))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("field 'value' of Amount");
        }
    }

    @org.junit.jupiter.api.Test
    void theVectors_coverEveryOutcomeTheCoreChecks() {
        assertThat(decimals())
                .extracting(NumberCase::outcome)
                .contains(
                        Vectors.NumberOutcome.NUMBER,
                        Vectors.NumberOutcome.OVERFLOW,
                        Vectors.NumberOutcome.UNDERFLOW,
                        Vectors.NumberOutcome.TOO_PRECISE);
    }
}
