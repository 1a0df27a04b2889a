package io.restmachine.dynamodb.embedded.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One DynamoDB attribute value, as the engine stores and evaluates it. Immutable. Numbers are
 * {@link BigDecimal}s (equal by value, not scale); binaries compare as unsigned bytes; sets keep no
 * order of their own. (Not named {@code DynamoValue}, so that it never meets the AWS SDK's type of
 * that name in one file.)
 */
public sealed interface DynamoValue {

    /** The DynamoDB type descriptor: {@code S}, {@code N}, {@code B}, {@code BOOL}, {@code NULL}, {@code SS}, {@code NS}, {@code BS}, {@code L}, {@code M}. */
    String type();

    record S(String value) implements DynamoValue {
        public S {
            Objects.requireNonNull(value);
        }

        @Override
        public String type() {
            return "S";
        }
    }

    record N(BigDecimal value) implements DynamoValue {
        public N {
            Objects.requireNonNull(value);
        }

        @Override
        public String type() {
            return "N";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof N other && value.compareTo(other.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
        }
    }

    record B(byte[] value) implements DynamoValue {
        public B {
            value = value.clone();
        }

        /** The bytes (a copy). */
        @Override
        public byte[] value() {
            return value.clone();
        }

        /** Length without copying. */
        public int length() {
            return value.length;
        }

        /** Unsigned lexicographic comparison, as DynamoDB orders binary values. */
        public int compareTo(B other) {
            return Arrays.compareUnsigned(value, other.value);
        }

        @Override
        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B[" + java.util.Base64.getEncoder().encodeToString(value) + "]";
        }
    }

    record Bool(boolean value) implements DynamoValue {
        @Override
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements DynamoValue {
        @Override
        public String type() {
            return "NULL";
        }
    }

    /** A string set; DynamoDB sets are never empty (validation rejects empty ones before this is built). */
    record SS(Set<String> values) implements DynamoValue {
        public SS {
            values = inWrittenOrder(values);
        }

        @Override
        public String type() {
            return "SS";
        }
    }

    record NS(Set<N> values) implements DynamoValue {
        public NS {
            values = inWrittenOrder(values);
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    record BS(Set<B> values) implements DynamoValue {
        public BS {
            values = inWrittenOrder(values);
        }

        @Override
        public String type() {
            return "BS";
        }
    }

    record L(List<DynamoValue> values) implements DynamoValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }
    }

    /** A map; keys keep insertion order for stable output. */
    record M(Map<String, DynamoValue> values) implements DynamoValue {
        public M {
            values = AttributeMap.copyOf(values);
        }

        @Override
        public String type() {
            return "M";
        }
    }

    /**
     * An unmodifiable copy of a set's members in the order given (no nulls). DynamoDB promises no
     * order for set members; the engine keeps the order in which they were first written, on every
     * path (requests, ADD, transactions, the log), so that a set reads back as it was written.
     */
    private static <T> Set<T> inWrittenOrder(Set<T> values) {
        java.util.LinkedHashSet<T> copy = new java.util.LinkedHashSet<>(values.size() * 2);
        for (T value : values) {
            copy.add(java.util.Objects.requireNonNull(value, "set member"));
        }
        return java.util.Collections.unmodifiableSet(copy);
    }
}
