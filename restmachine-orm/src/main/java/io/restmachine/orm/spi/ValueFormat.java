package io.restmachine.orm.spi;

import io.restmachine.orm.ItemValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a backend represents attribute values: the core's codecs build values of type {@code V}
 * directly through these methods when writing, and take them apart when reading, so a backend gets
 * items in its own wire type without an intermediate {@link ItemValue} copy. {@link #neutral()} is
 * the format of {@link ItemValue} itself, which every backend accepts.
 *
 * <p>A backend offers its format through {@link Store#valueFormat()}. Implementations are
 * stateless and thread-safe. The reading methods return null when a value is of another type, so
 * a codec checks the type and reads the content with one call.
 *
 * <pre>{@code
 * Map<String, AttributeValue> item = model.write(order, SdkValueFormat.INSTANCE);
 * }</pre>
 *
 * @param <V> the backend's attribute value type
 */
public interface ValueFormat<V> {

    /** DynamoDB's attribute value types. */
    enum Type {
        S,
        N,
        B,
        BOOL,
        NULL,
        SS,
        NS,
        BS,
        L,
        M
    }

    /** The format of {@link ItemValue}: building and reading are identities on the neutral form. */
    static ValueFormat<ItemValue> neutral() {
        return NeutralFormat.INSTANCE;
    }

    /** A string ({@code S}). */
    V string(String value);

    /** A whole number ({@code N}). */
    V number(long value);

    /** A number ({@code N}) already checked to be within DynamoDB's range and precision. */
    V number(BigDecimal value);

    /** A binary value ({@code B}); the format copies the array if it keeps it. */
    V binary(byte[] value);

    /** A boolean ({@code BOOL}). */
    V bool(boolean value);

    /** An explicit null ({@code NULL}). */
    V nul();

    /** A list ({@code L}) of values of this format; the format may keep the list, so the caller must not change it. */
    V list(List<V> values);

    /** A map ({@code M}) of values of this format; the format may keep the map, so the caller must not change it. */
    V map(Map<String, V> values);

    /** Any neutral value in this format (sets, and what custom converters return). */
    V from(ItemValue value);

    /** The type of a value. */
    Type type(V value);

    /** The text of an {@code S} value, or null if it is of another type. */
    @Nullable
    String asString(V value);

    /** The number of an {@code N} value, or null if it is of another type. */
    @Nullable
    BigDecimal asNumber(V value);

    /**
     * The number of an {@code N} value as a {@code long}; {@link ArithmeticException} if it has a
     * fraction or does not fit, {@link IllegalArgumentException} if the value is of another type.
     */
    default long asLong(V value) {
        BigDecimal n = asNumber(value);
        if (n == null) {
            throw new IllegalArgumentException("expected a number (N), found " + toItemValue(value));
        }
        return n.longValueExact();
    }

    /** The bytes of a {@code B} value (a copy the caller may keep), or null if it is of another type. */
    byte @Nullable [] asBinary(V value);

    /** The value of a {@code BOOL} value, or null if it is of another type. */
    @Nullable
    Boolean asBool(V value);

    /** The elements of an {@code L} value, or null if it is of another type. */
    @Nullable
    List<V> asList(V value);

    /** The entries of an {@code M} value, or null if it is of another type. */
    @Nullable
    Map<String, V> asMap(V value);

    /** The neutral form of a value (for sets, custom converters and messages). */
    ItemValue toItemValue(V value);
}
