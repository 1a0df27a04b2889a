package io.restmachine.dynamodb.embedded.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.vectors.Vectors;
import io.restmachine.dynamodb.embedded.vectors.Vectors.NumberCase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's number rules against the shared vectors (numbers.tsv), with DynamoDB's messages. */
class NumberVectorsTest {

    static List<NumberCase> numbers() {
        return Vectors.numbers();
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void parse_acceptsOrRejectsEachVector_asDynamoDbDoes(NumberCase number) {
        switch (number.outcome()) {
            case NUMBER -> assertThat(Numbers.format(Numbers.parse(number.text())))
                    .isEqualTo(number.canonical());
            case NOT_A_NUMBER -> assertRejected(
                    number,
                    number.text().isEmpty() ? Numbers.NOT_A_NUMBER : Numbers.NOT_A_NUMBER + ": " + number.text());
            case OVERFLOW -> assertRejected(number, Numbers.OVERFLOW);
            case UNDERFLOW -> assertRejected(number, Numbers.UNDERFLOW);
            case TOO_PRECISE -> assertRejected(number, Numbers.TOO_PRECISE);
        }
    }

    private static void assertRejected(NumberCase number, String message) {
        assertThatThrownBy(() -> Numbers.parse(number.text()))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).error().type()).isEqualTo(ErrorType.VALIDATION))
                .hasMessage("ValidationException: " + message);
    }
}
