package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Short constructors of attribute values for expression tests. */
final class Values {
    private Values() {}

    static AttributeValue.S s(String value) {
        return new AttributeValue.S(value);
    }

    static AttributeValue.N n(String value) {
        return Numbers.parse(value);
    }

    static AttributeValue.B b(int... bytes) {
        byte[] value = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            value[i] = (byte) bytes[i];
        }
        return new AttributeValue.B(value);
    }

    static AttributeValue.Bool bool(boolean value) {
        return new AttributeValue.Bool(value);
    }

    static AttributeValue.Null nul() {
        return new AttributeValue.Null();
    }

    static AttributeValue.SS ss(String... values) {
        return new AttributeValue.SS(Set.of(values));
    }

    static AttributeValue.NS ns(String... values) {
        return new AttributeValue.NS(Arrays.stream(values).map(Values::n).collect(Collectors.toSet()));
    }

    static AttributeValue.BS bs(AttributeValue.B... values) {
        return new AttributeValue.BS(Set.of(values));
    }

    static AttributeValue.L l(AttributeValue... values) {
        return new AttributeValue.L(Arrays.asList(values));
    }

    /** A map from alternating keys and values. */
    static AttributeValue.M m(Object... keysAndValues) {
        return new AttributeValue.M(map(keysAndValues));
    }

    /** An item from alternating attribute names and values. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        return map(namesAndValues);
    }

    private static Map<String, AttributeValue> map(Object... keysAndValues) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
        }
        return map;
    }
}
