package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Short constructors of attribute values for expression tests. */
final class Values {
    private Values() {}

    static DynamoValue.S s(String value) {
        return new DynamoValue.S(value);
    }

    static DynamoValue.N n(String value) {
        return Numbers.parse(value);
    }

    static DynamoValue.B b(int... bytes) {
        byte[] value = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            value[i] = (byte) bytes[i];
        }
        return new DynamoValue.B(value);
    }

    static DynamoValue.Bool bool(boolean value) {
        return new DynamoValue.Bool(value);
    }

    static DynamoValue.Null nul() {
        return new DynamoValue.Null();
    }

    static DynamoValue.SS ss(String... values) {
        return new DynamoValue.SS(Set.of(values));
    }

    static DynamoValue.NS ns(String... values) {
        return new DynamoValue.NS(Arrays.stream(values).map(Values::n).collect(Collectors.toSet()));
    }

    static DynamoValue.BS bs(DynamoValue.B... values) {
        return new DynamoValue.BS(Set.of(values));
    }

    static DynamoValue.L l(DynamoValue... values) {
        return new DynamoValue.L(Arrays.asList(values));
    }

    /** A map from alternating keys and values. */
    static DynamoValue.M m(Object... keysAndValues) {
        return new DynamoValue.M(map(keysAndValues));
    }

    /** An item from alternating attribute names and values. */
    static Map<String, DynamoValue> item(Object... namesAndValues) {
        return map(namesAndValues);
    }

    private static Map<String, DynamoValue> map(Object... keysAndValues) {
        Map<String, DynamoValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (DynamoValue) keysAndValues[i + 1]);
        }
        return map;
    }
}
