package io.restmachine.dynamodb.embedded.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AttributeMapTest {

    private static Map<String, DynamoValue> item(String... namesAndValues) {
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put(namesAndValues[i], new DynamoValue.S(namesAndValues[i + 1]));
        }
        return item;
    }

    @Test
    void storedItem_keepsTheWrittenOrderAndAnswersLookups() {
        Map<String, DynamoValue> written = item("pk", "a", "sk", "b", "zeta", "c", "alpha", "d");
        SizedItem stored = SizedItem.of(written, 42);

        assertThat(new ArrayList<>(stored.keySet())).containsExactly("pk", "sk", "zeta", "alpha");
        assertThat(stored.get("zeta")).isEqualTo(new DynamoValue.S("c"));
        assertThat(stored.get(new String("alpha".toCharArray()))).isEqualTo(new DynamoValue.S("d"));
        assertThat(stored.get("missing")).isNull();
        assertThat(stored.get(7)).isNull();
        assertThat(stored.containsKey("sk")).isTrue();
        assertThat(stored.containsKey("SK")).isFalse();
        assertThat(stored).isEqualTo(written).hasSameHashCodeAs(written);
        assertThat(stored.toString()).isEqualTo(written.toString());
        assertThat(stored.bytes()).isEqualTo(42);
    }

    @Test
    void storedItem_isUnmodifiableAndIndependentOfTheWrittenMap() {
        Map<String, DynamoValue> written = item("pk", "a");
        SizedItem stored = SizedItem.of(written, 1);
        written.put("late", new DynamoValue.S("x"));

        assertThat(stored).containsOnlyKeys("pk");
        assertThatThrownBy(() -> stored.put("x", new DynamoValue.S("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stored.entrySet().iterator().next().setValue(new DynamoValue.S("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stored.keySet().remove("pk")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapValue_equalsTheSameMembersInAnyMapAndKeepsTheirOrder() {
        DynamoValue.M m = new DynamoValue.M(item("b", "1", "a", "2"));

        assertThat(m).isEqualTo(new DynamoValue.M(Map.of("a", new DynamoValue.S("2"), "b", new DynamoValue.S("1"))));
        assertThat(m.hashCode()).isEqualTo(new DynamoValue.M(item("a", "2", "b", "1")).hashCode());
        assertThat(new ArrayList<>(m.values().keySet())).containsExactly("b", "a");
        assertThat(new DynamoValue.M(Map.of()).values()).isEmpty();
        assertThat(new DynamoValue.M(m.values()).values()).isSameAs(m.values());
    }

    @Test
    void largeMaps_answerEveryLookup() {
        Map<String, DynamoValue> source = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            source.put("member" + i, new DynamoValue.S(Integer.toString(i)));
        }
        DynamoValue.M m = new DynamoValue.M(source);

        for (int i = 0; i < 5_000; i++) {
            assertThat(m.values().get("member" + i)).isEqualTo(new DynamoValue.S(Integer.toString(i)));
        }
        assertThat(m.values().get("member5000")).isNull();
        assertThat(m.values().containsKey("member")).isFalse();
        assertThat(m.values()).isEqualTo(source);
        assertThat(new ArrayList<>(m.values().keySet())).isEqualTo(new ArrayList<>(source.keySet()));
    }

    @Property(tries = 200)
    void lookups_matchTheMapItWasCopiedFrom(@ForAll @Size(max = 80) List<String> names, @ForAll String probe) {
        Map<String, DynamoValue> source = new LinkedHashMap<>();
        for (String name : names) {
            source.put(name, new DynamoValue.S(name + "!"));
        }
        AttributeMap copy = new AttributeMap(source);

        assertThat(copy).isEqualTo(source);
        assertThat(new ArrayList<>(copy.entrySet())).isEqualTo(new ArrayList<>(source.entrySet()));
        for (String name : names) {
            assertThat(copy.get(name)).isEqualTo(source.get(name));
        }
        assertThat(copy.get(probe)).isEqualTo(source.get(probe));
        assertThat(copy.containsKey(probe)).isEqualTo(source.containsKey(probe));
    }
}
