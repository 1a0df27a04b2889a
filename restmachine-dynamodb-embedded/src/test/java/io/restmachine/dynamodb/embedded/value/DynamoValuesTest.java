package io.restmachine.dynamodb.embedded.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamoValuesTest {

    private static DynamoValue.S s(String v) {
        return new DynamoValue.S(v);
    }

    private static DynamoValue.N n(String v) {
        return Numbers.parse(v);
    }

    private static DynamoValue.B b(int... bytes) {
        byte[] value = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            value[i] = (byte) bytes[i];
        }
        return new DynamoValue.B(value);
    }

    @Test
    void compare_ordersStringsByUtf8BytesNotUtf16Units() {
        // U+FF61 is one UTF-16 unit above the surrogates, but its UTF-8 bytes (EF BD A1) sort below
        // those of U+1F600 (F0 9F 98 80).
        String halfwidth = "\uFF61";
        String emoji = "\uD83D\uDE00";
        assertThat(halfwidth.compareTo(emoji)).isPositive();
        assertThat(DynamoValues.compare(s(halfwidth), s(emoji))).isNegative();
        assertThat(DynamoValues.compare(s(emoji), s(halfwidth))).isPositive();
    }

    @Test
    void compare_ordersStringsLexicographicallyWithPrefixesFirst() {
        assertThat(DynamoValues.compare(s("a"), s("ab"))).isNegative();
        assertThat(DynamoValues.compare(s("B"), s("a"))).isNegative();
        assertThat(DynamoValues.compare(s("abc"), s("abc"))).isZero();
        assertThat(DynamoValues.compare(s(""), s("a"))).isNegative();
    }

    @Property(tries = 2000)
    void compareUtf8_agreesWithComparingTheEncodedBytes(@ForAll String a, @ForAll String b) {
        byte[] ea = a.getBytes(StandardCharsets.UTF_8);
        byte[] eb = b.getBytes(StandardCharsets.UTF_8);
        // Lone surrogates are not encodable; only well-formed strings come off the wire.
        if (!new String(ea, StandardCharsets.UTF_8).equals(a) || !new String(eb, StandardCharsets.UTF_8).equals(b)) {
            return;
        }
        assertThat(Integer.signum(DynamoValues.compareUtf8(a, b)))
                .isEqualTo(Integer.signum(Arrays.compareUnsigned(ea, eb)));
    }

    @Property(tries = 2000)
    void utf8Length_agreesWithTheEncoder(@ForAll String a) {
        byte[] encoded = a.getBytes(StandardCharsets.UTF_8);
        if (new String(encoded, StandardCharsets.UTF_8).equals(a)) {
            assertThat(DynamoValues.utf8Length(a)).isEqualTo(encoded.length);
        }
    }

    @Test
    void compare_ordersNumbersByValue() {
        assertThat(DynamoValues.compare(n("10"), n("9"))).isPositive();
        assertThat(DynamoValues.compare(n("-10"), n("-9"))).isNegative();
        assertThat(DynamoValues.compare(n("1.0"), n("1"))).isZero();
        assertThat(DynamoValues.compare(n("1E-130"), n("0"))).isPositive();
    }

    @Test
    void compare_ordersBinariesAsUnsignedBytes() {
        assertThat(DynamoValues.compare(b(0x7f), b(0x80))).isNegative();
        assertThat(DynamoValues.compare(b(0xff), b(0x00, 0x00))).isPositive();
        assertThat(DynamoValues.compare(b(1, 2), b(1, 2))).isZero();
    }

    @Test
    void compare_whenTypesDiffer_refusesWithBothTypesNamed() {
        assertThatThrownBy(() -> DynamoValues.compare(s("1"), n("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S and N");
        assertThat(DynamoValues.comparable(s("1"), n("1"))).isFalse();
        assertThat(DynamoValues.comparable(b(1), b(2))).isTrue();
    }

    @Test
    void beginsWith_matchesStringAndBinaryPrefixesOnly() {
        assertThat(DynamoValues.beginsWith(s("hello"), s("he"))).isTrue();
        assertThat(DynamoValues.beginsWith(s("hello"), s("lo"))).isFalse();
        assertThat(DynamoValues.beginsWith(b(1, 2, 3), b(1, 2))).isTrue();
        assertThat(DynamoValues.beginsWith(b(1), b(1, 2))).isFalse();
        assertThat(DynamoValues.beginsWith(s("1"), n("1"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 1",
        "1, 2",
        "12, 2",
        "123, 3",
        "1234, 3",
        "10, 2",
        "100, 2",
        "-1, 3",
        "0.1, 2",
        "1.5, 3",
        "12345678901234567890123456789012345678, 20",
    })
    void size_ofNumbers_countsDigitPairsAsDynamoDbDoes(String number, long expected) {
        assertThat(DynamoValues.size(n(number))).isEqualTo(expected);
    }

    @Test
    void size_ofScalars() {
        assertThat(DynamoValues.size(s("abc"))).isEqualTo(3);
        assertThat(DynamoValues.size(s("é"))).isEqualTo(2);
        assertThat(DynamoValues.size(s("\uD83D\uDE00"))).isEqualTo(4);
        assertThat(DynamoValues.size(b(1, 2, 3))).isEqualTo(3);
        assertThat(DynamoValues.size(new DynamoValue.Bool(true))).isEqualTo(1);
        assertThat(DynamoValues.size(new DynamoValue.Null())).isEqualTo(1);
    }

    @Test
    void size_ofSetsIsTheSumOfTheirElements() {
        assertThat(DynamoValues.size(new DynamoValue.SS(Set.of("ab", "cde")))).isEqualTo(5);
        assertThat(DynamoValues.size(new DynamoValue.NS(Set.of(n("1"), n("12")))))
                .isEqualTo(4);
        assertThat(DynamoValues.size(new DynamoValue.BS(Set.of(b(1), b(2, 3))))).isEqualTo(3);
    }

    @Test
    void size_ofListsAndMapsAddsThreeBytesAndOnePerElement() {
        assertThat(DynamoValues.size(new DynamoValue.L(List.of()))).isEqualTo(3);
        assertThat(DynamoValues.size(new DynamoValue.M(Map.of()))).isEqualTo(3);
        assertThat(DynamoValues.size(new DynamoValue.L(List.of(s("ab"), new DynamoValue.Null()))))
                .isEqualTo(3 + 1 + 2 + 1 + 1);
        assertThat(DynamoValues.size(new DynamoValue.M(Map.of("key", s("ab"))))).isEqualTo(3 + 1 + 3 + 2);
    }

    @Test
    void size_ofAnItemAddsTheUtf8LengthOfEachAttributeName() {
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        item.put("pk", s("user#1"));
        item.put("näme", s("x"));
        item.put("n", new DynamoValue.N(new BigDecimal("12")));
        assertThat(DynamoValues.size(item)).isEqualTo(2 + 6 + 5 + 1 + 1 + 2);
    }
}
