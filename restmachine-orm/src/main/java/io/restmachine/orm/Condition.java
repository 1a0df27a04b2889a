package io.restmachine.orm;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An immutable condition on model fields, usable as a query filter, a write condition or a
 * transaction check.
 *
 * <pre>{@code
 * Condition c = Condition.field("age").gt(30).or(Condition.field("name").beginsWith("A"));
 * }</pre>
 *
 * <p>Field names are model field names (nested with dots, e.g. {@code "address.city"}); values are
 * converted as the field's type is.
 */
public sealed interface Condition {

    /** Starts a condition on a field. */
    static FieldRef field(String name) {
        return new FieldRef(name);
    }

    /** Both conditions. */
    default Condition and(Condition other) {
        return new And(List.of(this, other));
    }

    /** Either condition. */
    default Condition or(Condition other) {
        return new Or(List.of(this, other));
    }

    /** The negation of this condition. */
    default Condition not() {
        return new Not(this);
    }

    /** Negation of a condition. */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    /** The comparison operators. */
    enum Op {
        EQ,
        NE,
        GT,
        GTE,
        LT,
        LTE
    }

    /** {@code field op value}. */
    record Compare(String field, Op op, Object value) implements Condition {
        public Compare {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, () -> "value of condition on '" + field + "'");
        }
    }

    /** {@code field BETWEEN low AND high}, inclusive. */
    record Between(String field, Object low, Object high) implements Condition {
        public Between {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(low, () -> "low bound of between on '" + field + "'");
            Objects.requireNonNull(high, () -> "high bound of between on '" + field + "'");
        }
    }

    /** {@code field IN (values)}. */
    record In(String field, List<Object> values) implements Condition {
        public In {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
        }
    }

    /** {@code begins_with(field, prefix)}. */
    record BeginsWith(String field, String prefix) implements Condition {
        public BeginsWith {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(prefix, () -> "prefix of beginsWith on '" + field + "'");
        }
    }

    /** {@code contains(field, value)}: substring of a string, or element of a set or list. */
    record Contains(String field, Object value) implements Condition {
        public Contains {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, () -> "value of contains on '" + field + "'");
        }
    }

    /** {@code attribute_exists(field)}. */
    record Exists(String field) implements Condition {
        public Exists {
            Objects.requireNonNull(field, "field");
        }
    }

    /** {@code attribute_not_exists(field)}. */
    record NotExists(String field) implements Condition {
        public NotExists {
            Objects.requireNonNull(field, "field");
        }
    }

    /** All of the conditions. */
    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }
    }

    /** Any of the conditions. */
    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }
    }

    /** The negation of a condition. */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** A field awaiting its operator: {@code Condition.field("age").gt(30)}. */
    final class FieldRef {
        private final String name;

        private FieldRef(String name) {
            this.name = Objects.requireNonNull(name, "field name");
        }

        /** The field equals the value. */
        public Condition eq(Object value) {
            return new Compare(name, Op.EQ, value);
        }

        /** The field differs from the value. */
        public Condition ne(Object value) {
            return new Compare(name, Op.NE, value);
        }

        /** The field is greater than the value. */
        public Condition gt(Object value) {
            return new Compare(name, Op.GT, value);
        }

        /** The field is greater than or equal to the value. */
        public Condition gte(Object value) {
            return new Compare(name, Op.GTE, value);
        }

        /** The field is less than the value. */
        public Condition lt(Object value) {
            return new Compare(name, Op.LT, value);
        }

        /** The field is less than or equal to the value. */
        public Condition lte(Object value) {
            return new Compare(name, Op.LTE, value);
        }

        /** The field is between the bounds, inclusive. */
        public Condition between(Object low, Object high) {
            return new Between(name, low, high);
        }

        /** The field equals one of the values. */
        public Condition in(Collection<?> values) {
            return new In(name, List.copyOf(values));
        }

        /** The field equals one of the values. */
        public Condition in(Object... values) {
            return new In(name, List.of(values));
        }

        /** The string field starts with the prefix. */
        public Condition beginsWith(String prefix) {
            return new BeginsWith(name, prefix);
        }

        /** The string field contains the text, or the set or list field the element. */
        public Condition contains(Object value) {
            return new Contains(name, value);
        }

        /** The item has the field. */
        public Condition exists() {
            return new Exists(name);
        }

        /** The item lacks the field. */
        public Condition notExists() {
            return new NotExists(name);
        }
    }
}
