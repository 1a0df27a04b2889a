package io.restmachine.orm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.vectors.Vectors;
import io.restmachine.dynamodb.embedded.vectors.Vectors.NumberCase;
import io.restmachine.dynamodb.embedded.vectors.Vectors.TypedValueCase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The CLI's typed JSON against the shared vectors (typed-json.tsv and numbers.tsv in the engine's
 * test jar): it takes what DynamoDB stores and refuses, as bad input before anything is sent,
 * what DynamoDB would reject.
 */
class ItemJsonVectorsTest {
    private final ItemJson typed = ItemJson.of(true);

    static List<TypedValueCase> typedValues() {
        return Vectors.typedValues();
    }

    static List<NumberCase> numbers() {
        return Vectors.numbers();
    }

    @ParameterizedTest
    @MethodSource("typedValues")
    void aTypedValue_isParsedOrRefused_asDynamoDbWouldStoreIt(TypedValueCase value) {
        String item = "{\"a\":" + value.json() + "}";
        if (value.valid()) {
            Map<String, AttributeValue> parsed = typed.parseItem(item, "--item");
            assertThat(typed.write(parsed))
                    .startsWith("{\"a\":{\"" + value.canonical().substring(2, 4));
        } else {
            assertThatThrownBy(() -> typed.parseItem(item, "--item"))
                    .isInstanceOf(CliException.class)
                    .hasMessageStartingWith("--item: attribute 'a'")
                    .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
        }
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void aTypedNumber_isTakenOrRefused_asDynamoDbWouldStoreIt(NumberCase number) {
        String item = "{\"n\":{\"N\":\"" + number.text() + "\"},\"s\":{\"NS\":[\"" + number.text() + "\"]}}";
        if (number.outcome().accepted()) {
            Map<String, AttributeValue> parsed = typed.parseItem(item, "--item");
            assertThat(parsed.get("n").n()).isEqualTo(number.text());
            assertThat(parsed.get("s").ns()).containsExactly(number.text());
        } else {
            assertThatThrownBy(() -> typed.parseItem(item, "--item"))
                    .isInstanceOf(CliException.class)
                    .hasMessageContaining("is not a number DynamoDB can store");
        }
    }
}
