package io.restmachine.orm.convert;

import io.restmachine.orm.ItemValue;

/**
 * Converts values of one Java type to and from a stored attribute value. Register one per type on
 * the backend, {@code DynamoDBBackend.builder().converter(Money.class, money)}; it then applies to
 * every field, collection element, map value, condition value and key template part of exactly
 * that type, ahead of the built-in conversions.
 *
 * <pre>{@code
 * AttributeConverter<Money> money = AttributeConverter.of(
 *     m -> ItemValue.s(m.toString()), v -> Money.parse(((ItemValue.S) v).value()));
 * }</pre>
 *
 * <p>A value converted to a string ({@code S}) or number ({@code N}) can be used in key templates;
 * its key form is the string, or the number in plain notation. A {@code Set} of a converted type is
 * stored as a list ({@code L}): DynamoDB's sets hold only strings, numbers or binaries, and what a
 * converter returns is known only once it has run.
 *
 * @param <T> the Java type
 */
public interface AttributeConverter<T> {

    /** The stored form of a non-null value. */
    ItemValue write(T value);

    /** The Java value of a stored attribute; throw {@link IllegalArgumentException} if it does not fit. */
    T read(ItemValue value);

    /** A converter from two functions. */
    static <T> AttributeConverter<T> of(
            java.util.function.Function<? super T, ? extends ItemValue> write,
            java.util.function.Function<? super ItemValue, ? extends T> read) {
        java.util.Objects.requireNonNull(write, "write");
        java.util.Objects.requireNonNull(read, "read");
        return new AttributeConverter<>() {
            @Override
            public ItemValue write(T value) {
                return write.apply(value);
            }

            @Override
            public T read(ItemValue value) {
                return read.apply(value);
            }
        };
    }
}
