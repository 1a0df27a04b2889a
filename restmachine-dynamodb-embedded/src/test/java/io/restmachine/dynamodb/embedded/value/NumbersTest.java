package io.restmachine.dynamodb.embedded.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "-0, 0",
        "0.000, 0",
        "1, 1",
        "1.50, 1.5",
        "-12.500, -12.5",
        ".5, 0.5",
        "5., 5",
        "1.5E2, 150",
        "1e-3, 0.001",
        "100, 100",
        "1E+2, 100",
        "0001.10, 1.1",
    })
    void parse_thenFormat_givesDynamoDbsCanonicalText(String text, String canonical) {
        assertThat(Numbers.format(Numbers.parse(text))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "1.2.3",
                "NaN",
                "Infinity",
                "-Infinity",
                "+1",
                " 1",
                "1 ",
                "1e",
                "e5",
                ".",
                "-",
                "0x10",
                "1_000"
            })
    void parse_whenNotANumber_namesTheText(String text) {
        assertThatThrownBy(() -> Numbers.parse(text))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).error().type()).isEqualTo(ErrorType.VALIDATION))
                .hasMessage("ValidationException: The parameter cannot be converted to a numeric value: " + text);
    }

    @org.junit.jupiter.api.Test
    void parse_whenEmpty_saysItCannotBeConverted() {
        assertThatThrownBy(() -> Numbers.parse(""))
                .hasMessage("ValidationException: The parameter cannot be converted to a numeric value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E126", "-1E126", "10E125", "1e999999999999", "99999999999999999999999999999999999999E89"})
    void parse_whenTooLarge_reportsOverflow(String text) {
        assertThatThrownBy(() -> Numbers.parse(text))
                .hasMessage("ValidationException: Number overflow. Attempting to store a number with magnitude"
                        + " larger than supported range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E-131", "-1E-131", "0.1E-130", "1e-999999999999"})
    void parse_whenTooSmall_reportsUnderflow(String text) {
        assertThatThrownBy(() -> Numbers.parse(text))
                .hasMessage("ValidationException: Number underflow. Attempting to store a number with magnitude"
                        + " smaller than supported range");
    }

    static Stream<Arguments> boundsOfTheRange() {
        return Stream.of(
                arguments("1E125", "1" + "0".repeat(125)),
                arguments("9.9999999999999999999999999999999999999E125", "9".repeat(38) + "0".repeat(88)),
                arguments("1E-130", "0." + "0".repeat(129) + "1"),
                arguments("-1E-130", "-0." + "0".repeat(129) + "1"),
                arguments("0E999", "0"),
                arguments("0e-999999999999", "0"));
    }

    @ParameterizedTest
    @MethodSource("boundsOfTheRange")
    void parse_acceptsTheBoundsOfTheRange_asTheirCanonicalValue(String text, String canonical) {
        assertThat(Numbers.format(Numbers.parse(text))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012345678901234567890123456789", "1.23456789012345678901234567890123456789"})
    void parse_whenMoreThan38SignificantDigits_rejects(String text) {
        assertThatThrownBy(() -> Numbers.parse(text))
                .hasMessage("ValidationException: Attempting to store more than 38 significant digits in a Number");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345678901234567890123456789012345678",
                "1234567890123456789012345678901234567800000",
                "0.0000012345678901234567890123456789012345678"
            })
    void parse_countsOnlySignificantDigits(String text) {
        assertThat(Numbers.format(Numbers.parse(text))).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void checked_rejectsAComputedNumberOutOfRange() {
        assertThatThrownBy(() -> Numbers.checked(new BigDecimal("9E125").add(new BigDecimal("9E125"))))
                .hasMessageContaining("Number overflow");
        assertThat(Numbers.checked(new BigDecimal("2.50")).value()).isEqualByComparingTo("2.5");
    }

    @org.junit.jupiter.api.Test
    void parse_numbersAreEqualByValue() {
        assertThat(Numbers.parse("1.0")).isEqualTo(Numbers.parse("1")).hasSameHashCodeAs(Numbers.parse("1"));
    }
}
