package io.restmachine.orm.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.StoreItem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items pass between the SDK and the core without a copy; keys and neutral items are converted;
 * numbers are written in plain notation.
 */
class AttributeValueMapperTest {
    private final Map<String, AttributeValue> sdkItem =
            Map.of("pk", AttributeValue.fromS("USER#1"), "n", AttributeValue.fromN("2.50"));

    @Test
    void anItemTheServiceReturned_isKeptInItsSdkValues_andSentBackAsTheSameMap() {
        StoreItem item = AttributeValueMapper.toStoreItem(sdkItem);

        assertThat(item.valuesIn(SdkValueFormat.INSTANCE)).isSameAs(sdkItem);
        assertThat(AttributeValueMapper.toSdk(item)).isSameAs(sdkItem);
        assertThat(item.string("pk")).isEqualTo("USER#1");
    }

    @Test
    void aNeutralItem_isConvertedValueByValue() {
        StoreItem neutral = StoreItem.neutral(Map.of("pk", ItemValue.s("USER#1"), "n", ItemValue.n(2)));

        assertThat(AttributeValueMapper.toSdk(neutral))
                .isEqualTo(Map.of("pk", AttributeValue.fromS("USER#1"), "n", AttributeValue.fromN("2")));
    }

    @Property(tries = 2000)
    void numbers_areWrittenInPlainNotation(@ForAll("decimals") BigDecimal value) {
        assertThat(SdkValueFormat.INSTANCE.number(value).n()).isEqualTo(value.toPlainString());
    }

    @Property(tries = 300)
    void wholeNumbers_areWrittenAsTheirDigits_sharedOrNot(@ForAll("wholeNumbers") long value) {
        AttributeValue first = SdkValueFormat.INSTANCE.number(value);

        assertThat(first.n()).isEqualTo(Long.toString(value));
        assertThat(SdkValueFormat.INSTANCE.number(value)).isEqualTo(first);
        assertThat(SdkValueFormat.INSTANCE.number(BigDecimal.valueOf(value)).n())
                .isEqualTo(Long.toString(value));
    }

    /** Every scale from -20 to 40, zeros included: where toString switches to an exponent matters. */
    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000), BigInteger.valueOf(1_000_000)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(37).negate(), BigInteger.TEN.pow(37)));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-20, 40))
                .as(BigDecimal::new);
    }

    @Provide
    Arbitrary<Long> wholeNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-5, 1030), Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE));
    }

    @Test
    void aKeyTheServiceReturned_isConvertedToNeutralValues() {
        assertThat(AttributeValueMapper.neutralFromSdk(sdkItem))
                .isEqualTo(Map.of("pk", ItemValue.s("USER#1"), "n", ItemValue.n(new java.math.BigDecimal("2.5"))));
    }
}
