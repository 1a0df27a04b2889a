package io.restmachine.orm.convert.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.ValueFormat;
import org.jspecify.annotations.Nullable;

/**
 * Converts the values of one Java type (a field's declared type) to stored attribute values and
 * back, in any {@link ValueFormat}: the neutral {@link ItemValue} or a backend's own value type.
 * Implementations are immutable and thread-safe; they throw {@link IllegalArgumentException} with a
 * message naming the problem, and callers add the field name.
 */
public interface Codec {

    /**
     * The stored form of a non-null value in the given format, or null when the value is not stored
     * (an empty set or an empty {@code Optional}).
     */
    <V> @Nullable V write(Object value, ValueFormat<V> to);

    /** The Java value of a stored attribute in the given format (never an explicit {@code NULL}). */
    <V> Object read(V value, ValueFormat<V> from);

    /** The stored neutral form of a non-null value, or null when the value is not stored. */
    default @Nullable ItemValue write(Object value) {
        return write(value, ValueFormat.neutral());
    }

    /** The Java value of a stored neutral attribute. */
    default Object read(ItemValue value) {
        return read(value, ValueFormat.neutral());
    }

    /** The Java value of a missing attribute (null, or an empty set, or {@code Optional.empty()}). */
    default @Nullable Object absent() {
        return null;
    }

    /**
     * Turns a value given by the user for this field (in a condition, a key or an update) into this
     * codec's Java type, accepting close equivalents (any number for a number field, an ISO string
     * for a date).
     */
    Object coerce(Object value);

    /**
     * The value as it reads back once written: the value itself, except for times in a format with
     * less precision than Java's (the Python formats keep microseconds), which are cut to it.
     */
    default Object stored(Object value) {
        return value;
    }

    /** The text of a value inside a key template. */
    default String keyString(Object value) {
        ItemValue written = write(value);
        if (written instanceof ItemValue.S s) {
            return s.value();
        }
        if (written instanceof ItemValue.N n) {
            return n.value().toPlainString();
        }
        if (written instanceof ItemValue.Bool b) {
            return Boolean.toString(b.value());
        }
        throw new IllegalArgumentException(
                "a " + describe() + " value cannot be part of a key: keys are strings, numbers or booleans");
    }

    /** Whether values of this type can be part of a key (strings, numbers, booleans and types stored as them). */
    default boolean keyable() {
        return false;
    }

    /** Whether key strings of this type sort in the order of the values (so ranges can become key conditions). */
    default boolean ordered() {
        return false;
    }

    /** The stored type of a set element: {@code 'S'}, {@code 'N'}, {@code 'B'}, or {@code '?'} when not a set scalar. */
    default char scalarKind() {
        return '?';
    }

    /** For sets and lists, the codec of one element (used by {@code contains}); else null. */
    default @Nullable Codec element() {
        return null;
    }

    /** The Java type, for messages. */
    String describe();
}
