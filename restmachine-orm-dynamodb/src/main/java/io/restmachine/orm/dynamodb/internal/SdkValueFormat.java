package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.ValueFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SDK's {@link AttributeValue} as a {@link ValueFormat}: the core's codecs write model
 * instances straight into request items and read them straight from response items.
 *
 * <p>Values are built with the SDK's {@code AttributeValue.createX} factories, which skip the
 * builder (a builder, an {@code EnumSet} and a copy per value). Numbers are written in plain
 * notation so that no value depends on exponent parsing. Values are immutable, so the booleans, the
 * null and the whole numbers 0 to 1023 are each one shared instance.
 */
public final class SdkValueFormat implements ValueFormat<AttributeValue> {
    /** The one instance. */
    public static final SdkValueFormat INSTANCE = new SdkValueFormat();

    private static final AttributeValue TRUE = AttributeValue.createBool(true);
    private static final AttributeValue FALSE = AttributeValue.createBool(false);
    private static final AttributeValue NULL = AttributeValue.createNul(true);
    /** The numbers 0 to 1023, each built on first use. */
    private static final AttributeValue[] SMALL = new AttributeValue[1024];

    private SdkValueFormat() {}

    @Override
    public AttributeValue string(String value) {
        return AttributeValue.createS(value);
    }

    @Override
    public AttributeValue number(long value) {
        if (value >= 0 && value < SMALL.length) {
            // Small counts, quantities and versions are in most items: one shared immutable value each.
            AttributeValue n = SMALL[(int) value];
            if (n == null) {
                n = AttributeValue.createN(Long.toString(value));
                // A race only builds an equal value twice; its final fields publish it safely.
                SMALL[(int) value] = n;
            }
            return n;
        }
        return AttributeValue.createN(Long.toString(value));
    }

    @Override
    public AttributeValue number(BigDecimal value) {
        return AttributeValue.createN(plain(value));
    }

    /**
     * A number in plain notation. {@link BigDecimal#toString} gives the same text whenever it uses no
     * exponent (scale at least 0 and adjusted exponent at least -6, as {@code 19.99} or {@code
     * 0.000125}), builds it without the intermediate strings of {@link BigDecimal#toPlainString} and
     * keeps it in the value; other numbers ({@code 1E+3}, {@code 1.5E-7}) need the plain form.
     */
    static String plain(BigDecimal value) {
        return value.scale() >= 0 && value.precision() - value.scale() >= -5 ? value.toString() : value.toPlainString();
    }

    @Override
    public AttributeValue binary(byte[] value) {
        return AttributeValue.createB(SdkBytes.fromByteArray(value));
    }

    @Override
    public AttributeValue bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public AttributeValue nul() {
        return NULL;
    }

    @Override
    public AttributeValue list(List<AttributeValue> values) {
        return AttributeValue.createL(values);
    }

    @Override
    public AttributeValue map(Map<String, AttributeValue> values) {
        return AttributeValue.createM(values);
    }

    @Override
    public AttributeValue from(ItemValue value) {
        return AttributeValueMapper.toSdk(value);
    }

    @Override
    public Type type(AttributeValue value) {
        return switch (value.type()) {
            case S -> Type.S;
            case N -> Type.N;
            case B -> Type.B;
            case BOOL -> Type.BOOL;
            case NUL -> Type.NULL;
            case SS -> Type.SS;
            case NS -> Type.NS;
            case BS -> Type.BS;
            case L -> Type.L;
            case M -> Type.M;
            case UNKNOWN_TO_SDK_VERSION -> throw unknown(value);
        };
    }

    static IllegalStateException unknown(AttributeValue value) {
        return new IllegalStateException(
                "the service returned an attribute value of a type this SDK does not know: " + value);
    }

    @Override
    public @Nullable String asString(AttributeValue value) {
        return value.s();
    }

    @Override
    public @Nullable BigDecimal asNumber(AttributeValue value) {
        String n = value.n();
        return n == null ? null : new BigDecimal(n);
    }

    /** Plain integers (what DynamoDB returns for whole numbers) are parsed without a {@code BigDecimal}. */
    @Override
    public long asLong(AttributeValue value) {
        String n = value.n();
        if (n == null) {
            return ValueFormat.super.asLong(value);
        }
        int length = n.length();
        int start = length > 0 && n.charAt(0) == '-' ? 1 : 0;
        if (length == start || length - start > 18) {
            return new BigDecimal(n).longValueExact();
        }
        long result = 0;
        for (int i = start; i < length; i++) {
            int digit = n.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return new BigDecimal(n).longValueExact();
            }
            result = result * 10 + digit;
        }
        return start == 0 ? result : -result;
    }

    @Override
    public byte @Nullable [] asBinary(AttributeValue value) {
        SdkBytes b = value.b();
        return b == null ? null : b.asByteArray();
    }

    @Override
    public @Nullable Boolean asBool(AttributeValue value) {
        return value.bool();
    }

    @Override
    public @Nullable List<AttributeValue> asList(AttributeValue value) {
        return value.type() == AttributeValue.Type.L ? value.l() : null;
    }

    @Override
    public @Nullable Map<String, AttributeValue> asMap(AttributeValue value) {
        return value.type() == AttributeValue.Type.M ? value.m() : null;
    }

    @Override
    public ItemValue toItemValue(AttributeValue value) {
        return AttributeValueMapper.fromSdk(value);
    }

    @Override
    public String toString() {
        return "SdkValueFormat";
    }
}
