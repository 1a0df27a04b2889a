package io.restmachine.orm.query.internal;

import io.restmachine.orm.ItemValue;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Text forms of stored values, for plans and messages. */
public final class ItemValues {
    private ItemValues() {}

    /** A stable, readable text: strings quoted, numbers plain, sets and maps sorted. */
    public static String display(ItemValue v) {
        if (v instanceof ItemValue.S s) {
            return '"' + s.value().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof ItemValue.N n) {
            return n.value().toPlainString();
        }
        if (v instanceof ItemValue.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof ItemValue.Null) {
            return "null";
        }
        if (v instanceof ItemValue.B b) {
            return "b64:" + Base64.getEncoder().encodeToString(b.value());
        }
        if (v instanceof ItemValue.SS ss) {
            return ss.values().stream()
                    .sorted()
                    .map(x -> display(new ItemValue.S(x)))
                    .collect(Collectors.joining(", ", "<<", ">>"));
        }
        if (v instanceof ItemValue.NS ns) {
            return ns.values().stream().map(ItemValues::display).sorted().collect(Collectors.joining(", ", "<<", ">>"));
        }
        if (v instanceof ItemValue.BS bs) {
            return bs.values().stream().map(ItemValues::display).sorted().collect(Collectors.joining(", ", "<<", ">>"));
        }
        if (v instanceof ItemValue.L l) {
            return l.values().stream().map(ItemValues::display).collect(Collectors.joining(", ", "[", "]"));
        }
        Map<String, ItemValue> sorted = new TreeMap<>(((ItemValue.M) v).values());
        return sorted.entrySet().stream()
                .map(e -> display(new ItemValue.S(e.getKey())) + ": " + display(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A key map as {@code pk="USER#1", sk="PROFILE"}, sorted by attribute. */
    public static String displayKey(Map<String, ItemValue> key) {
        return new TreeMap<>(key)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + display(e.getValue()))
                        .collect(Collectors.joining(", "));
    }
}
