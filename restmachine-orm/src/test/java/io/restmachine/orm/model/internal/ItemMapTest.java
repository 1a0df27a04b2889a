package io.restmachine.orm.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer's map behaves as a {@link Map} whatever slots its items leave empty. */
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
    void keepsSlotOrder_thenInsertionOrder_andSupportsRemoval() {
        ItemMap<String> map = new ItemMap<>(new String[] {"pk", "sk", "entity_type"});
        map.set(1, "2");
        map.set(0, "1");
        map.set(2, "3");
        map.put("name", "4");

        assertThat(map.remove("sk")).isEqualTo("2");
        map.keySet().remove("pk");

        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach(copy::put);
        assertThat(copy).containsExactly(Map.entry("entity_type", "3"), Map.entry("name", "4"));
        assertThat(map.entrySet()).containsExactly(Map.entry("entity_type", "3"), Map.entry("name", "4"));
        assertThat(map.get("sk")).isNull();
        assertThat(map.containsKey("sk")).isFalse();
        assertThat(map).hasSize(2);
    }

    @Test
    void emptySlots_areNotEntries_andTheSharedNamesAreNeverChanged() {
        String[] names = {"a", "b", "c"};
        ItemMap<Integer> first = new ItemMap<>(names);
        ItemMap<Integer> second = new ItemMap<>(names);
        first.set(2, 3);
        second.set(0, 1);

        first.put("d", 4);
        second.put("b", 2);

        assertThat(names).containsExactly("a", "b", "c");
        assertThat(first).isEqualTo(Map.of("c", 3, "d", 4));
        assertThat(second).isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(first.containsKey("a")).isFalse();
        assertThat(first.get("a")).isNull();
        assertThat(first.keySet()).containsExactly("c", "d");
    }
}
