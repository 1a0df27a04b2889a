package io.restmachine.orm;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A stored attribute value in backend-neutral form, mapping one to one onto DynamoDB's attribute
 * value types (S, N, B, BOOL, NULL, SS, NS, BS, L, M). The core converts model fields to these, a
 * custom {@link io.restmachine.orm.convert.AttributeConverter} writes and reads them, and a backend
 * converts them to its wire types and back.
 */
public sealed interface ItemValue {

    /** A string ({@code S}). */
    record S(String value) implements ItemValue {
        public S {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number ({@code N}); DynamoDB keeps up to 38 significant digits. */
    record N(BigDecimal value) implements ItemValue {
        public N {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof N other && value.compareTo(other.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.stripTrailingZeros().hashCode();
        }
    }

    /** Binary ({@code B}); the array is copied in and never exposed for mutation. */
    record B(byte[] value) implements ItemValue {
        public B {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
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
            return "B[" + Base64.getEncoder().encodeToString(value) + "]";
        }
    }

    /** A boolean ({@code BOOL}). */
    record Bool(boolean value) implements ItemValue {}

    /** An explicit null ({@code NULL}). The default layout never stores these for absent fields. */
    record Null() implements ItemValue {}

    /** A string set ({@code SS}); never empty. */
    record SS(Set<String> values) implements ItemValue {
        public SS {
            values = Set.copyOf(values);
        }
    }

    /** A number set ({@code NS}); never empty. */
    record NS(Set<N> values) implements ItemValue {
        public NS {
            values = Set.copyOf(values);
        }
    }

    /** A binary set ({@code BS}); never empty. */
    record BS(Set<B> values) implements ItemValue {
        public BS {
            values = Set.copyOf(values);
        }
    }

    /** A list ({@code L}). */
    record L(List<ItemValue> values) implements ItemValue {
        public L {
            values = List.copyOf(values);
        }
    }

    /** A map ({@code M}). */
    record M(Map<String, ItemValue> values) implements ItemValue {
        public M {
            values = Map.copyOf(values);
        }
    }

    /** Shorthand for {@code new S(value)}. */
    static ItemValue s(String value) {
        return new S(value);
    }

    /** Shorthand for {@code new N(value)}. */
    static ItemValue n(BigDecimal value) {
        return new N(value);
    }

    /** Shorthand for a number from a long. */
    static ItemValue n(long value) {
        return new N(BigDecimal.valueOf(value));
    }
}
