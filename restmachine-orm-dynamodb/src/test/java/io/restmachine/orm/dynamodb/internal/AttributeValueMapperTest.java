package io.restmachine.orm.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.StoreItem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items pass between the SDK and the core without a copy; keys and neutral items are converted. */
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

    @Test
    void aKeyTheServiceReturned_isConvertedToNeutralValues() {
        assertThat(AttributeValueMapper.neutralFromSdk(sdkItem))
                .isEqualTo(Map.of("pk", ItemValue.s("USER#1"), "n", ItemValue.n(new java.math.BigDecimal("2.5"))));
    }
}
