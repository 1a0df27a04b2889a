package io.restmachine.orm.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemMapTest {

    @Test
    void behavesLikeAHashMap_forPutGetReplaceAndEquality() {
        ItemMap<Integer> map = new ItemMap<>(2);
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String name = "attr" + (i % 25);
            assertThat(map.put(name, i)).isEqualTo(expected.put(name, i));
        }

        assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(25);
        assertThat(map.get("attr3")).isEqualTo(28);
        assertThat(map.get("absent")).isNull();
        assertThat(map.containsKey(new String("attr24"))).isTrue();
        assertThat(map.get(42)).isNull();
    }

    @Test
    void keepsInsertionOrder_andSupportsRemoval() {
        ItemMap<String> map = new ItemMap<>(4);
        map.append("pk", "1");
        map.append("sk", "2");
        map.append("entity_type", "3");
        map.put("name", "4");

        assertThat(map.remove("sk")).isEqualTo("2");
        map.keySet().remove("pk");

        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach(copy::put);
        assertThat(copy).containsExactly(Map.entry("entity_type", "3"), Map.entry("name", "4"));
        assertThat(map.entrySet()).containsExactly(Map.entry("entity_type", "3"), Map.entry("name", "4"));
        assertThat(map.get("sk")).isNull();
    }
}
