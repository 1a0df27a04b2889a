package io.restmachine.orm.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.ItemValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store item keeps its values in their own format, without a copy, and reads as neutral values. */
class StoreItemTest {

    /** A backend's value type that is not ItemValue: every value as its text, "S:..." or "N:...". */
    private static final ValueFormat<String> TEXT = new TextFormat();

    @Test
    void valuesIn_itsOwnFormat_areTheMapItself_andInAnotherFormat_null() {
        Map<String, String> values = Map.of("pk", "S:USER#1", "n", "N:2.50");
        StoreItem item = StoreItem.of(values, TEXT);

        assertThat(item.valuesIn(TEXT)).isSameAs(values);
        assertThat(item.valuesIn(ValueFormat.neutral())).isNull();
        assertThat(item.format()).isSameAs(TEXT);
    }

    @Test
    void read_handsTheReaderTheValuesInTheirOwnFormat_withoutACopy() {
        Map<String, String> values = Map.of("pk", "S:USER#1");
        StoreItem item = StoreItem.of(values, TEXT);

        Object seen = item.read(new StoreItem.Reader<Object>() {
            @Override
            public <V> Object read(Map<String, V> v, ValueFormat<V> format) {
                assertThat(format).isSameAs(TEXT);
                return v;
            }
        });

        assertThat(seen).isSameAs(values);
    }

    @Test
    void accessors_readNeutralValues_attributeByAttribute() {
        StoreItem item = StoreItem.of(Map.of("entity_type", "S:Order", "n", "N:2.50"), TEXT);

        assertThat(item.get("n")).isEqualTo(ItemValue.n(new BigDecimal("2.5")));
        assertThat(item.get("missing")).isNull();
        assertThat(item.string("entity_type")).isEqualTo("Order");
        assertThat(item.string("n")).as("an N is not a string").isNull();
        assertThat(item.has("n")).isTrue();
        assertThat(item.has("missing")).isFalse();
        assertThat(item.names()).containsExactlyInAnyOrder("entity_type", "n");
        assertThat(item.size()).isEqualTo(2);
        assertThat(item.isEmpty()).isFalse();
        assertThat(item.toMap())
                .isEqualTo(Map.of("entity_type", ItemValue.s("Order"), "n", ItemValue.n(new BigDecimal("2.5"))));
    }

    @Test
    void equality_comparesNeutralValues_whateverTheFormat() {
        StoreItem text = StoreItem.of(Map.of("pk", "S:A", "n", "N:1.0"), TEXT);
        StoreItem neutral = StoreItem.neutral(Map.of("pk", ItemValue.s("A"), "n", ItemValue.n(1)));

        assertThat(text).isEqualTo(neutral).hasSameHashCodeAs(neutral);
        assertThat(text).isNotEqualTo(StoreItem.neutral(Map.of("pk", ItemValue.s("B"), "n", ItemValue.n(1))));
        assertThat(text.toString()).contains("pk").contains("A");
    }

    @Test
    void neutral_copiesTheMap_soTheCallerMayGoOnChangingIt() {
        Map<String, ItemValue> values = new LinkedHashMap<>(Map.of("pk", ItemValue.s("A")));
        StoreItem item = StoreItem.neutral(values);
        values.put("late", ItemValue.s("x"));

        assertThat(item.names()).containsExactly("pk");
        assertThat(item.valuesIn(ValueFormat.neutral())).isEqualTo(Map.of("pk", ItemValue.s("A")));
    }

    private static final class TextFormat implements ValueFormat<String> {
        @Override
        public String string(String value) {
            return "S:" + value;
        }

        @Override
        public String number(long value) {
            return "N:" + value;
        }

        @Override
        public String number(BigDecimal value) {
            return "N:" + value.toPlainString();
        }

        @Override
        public String binary(byte[] value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String bool(boolean value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String nul() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String list(List<String> values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String map(Map<String, String> values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String from(ItemValue value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Type type(String value) {
            return value.startsWith("S:") ? Type.S : Type.N;
        }

        @Override
        public String asString(String value) {
            return value.startsWith("S:") ? value.substring(2) : null;
        }

        @Override
        public BigDecimal asNumber(String value) {
            return value.startsWith("N:") ? new BigDecimal(value.substring(2)) : null;
        }

        @Override
        public byte[] asBinary(String value) {
            return null;
        }

        @Override
        public Boolean asBool(String value) {
            return null;
        }

        @Override
        public List<String> asList(String value) {
            return null;
        }

        @Override
        public Map<String, String> asMap(String value) {
            return null;
        }

        @Override
        public ItemValue toItemValue(String value) {
            return value.startsWith("S:") ? ItemValue.s(value.substring(2)) : ItemValue.n(asNumber(value));
        }
    }
}
