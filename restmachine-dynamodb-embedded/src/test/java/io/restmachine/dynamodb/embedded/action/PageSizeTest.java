package io.restmachine.dynamodb.embedded.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PageSize} against the sizes dynalite's {@code itemSize(item, true, true, rangeKey)} gives
 * for the same items (computed with the pinned dynalite, which measured them against DynamoDB).
 */
class PageSizeTest {
    private static DynamoValue.S s(String text) {
        return new DynamoValue.S(text);
    }

    private static DynamoValue.N n(String text) {
        return new DynamoValue.N(new BigDecimal(text));
    }

    @Test
    void aStringAndANumber() {
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        item.put("pk", s("a"));
        item.put("n", n("123.45"));
        assertThat(PageSize.of(item, null)).isEqualTo(29);
    }

    @Test
    void aNegativeFractionalSortKeyAndNestedDocuments() {
        Map<String, DynamoValue> nested = new LinkedHashMap<>();
        nested.put("x", s("y"));
        nested.put("l", new DynamoValue.L(List.of(new DynamoValue.Bool(true), new DynamoValue.Null())));
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        item.put("pk", s("a"));
        item.put("sk", n("-0.001"));
        item.put("m", new DynamoValue.M(nested));
        assertThat(PageSize.of(item, "sk")).isEqualTo(42);
    }

    @Test
    void setsAndBinary() {
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        item.put("pk", s("a"));
        item.put("ss", new DynamoValue.SS(new LinkedHashSet<>(List.of("a", "bb"))));
        item.put("ns", new DynamoValue.NS(new LinkedHashSet<>(List.of(n("1"), n("100"), n("12345678901234567890")))));
        item.put("b", new DynamoValue.B(new byte[] {0, 1, 2}));
        assertThat(PageSize.of(item, null)).isEqualTo(55);
    }

    @Test
    void longStringsTakeLongerHeaders_andEvery3KbAddsOverhead() {
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        item.put("pk", s("x".repeat(200)));
        item.put("d", s("y".repeat(20000)));
        assertThat(PageSize.of(item, null)).isEqualTo(20335);
    }
}
