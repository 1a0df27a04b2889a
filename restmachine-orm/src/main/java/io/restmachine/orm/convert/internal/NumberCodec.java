package io.restmachine.orm.convert.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.ValueFormat;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers, stored as {@code N}. DynamoDB keeps at most 38 significant digits, exponents from -130
 * to +125, and no NaN or infinity; values outside are rejected before anything is written. DynamoDB
 * also normalises a number's scale ({@code 1.50} reads back as {@code 1.5}), so a {@code
 * BigDecimal} round trip is exact in value ({@code compareTo}) but not always in scale.
 */
final class NumberCodec implements Codec {

    enum Kind {
        BYTE,
        SHORT,
        INT,
        LONG,
        FLOAT,
        DOUBLE,
        BIG_DECIMAL,
        BIG_INTEGER
    }

    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;
    private static final String RANGE = "1E-130 to 9.9999999999999999999999999999999999999E+125";

    private final Kind kind;
    private final String name;

    NumberCodec(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    @Override
    public <V> V write(Object value, ValueFormat<V> to) {
        return switch (kind) {
            case INT, SHORT, BYTE, LONG -> to.number(((Number) value).longValue());
            default -> to.number(toDecimal(value));
        };
    }

    private BigDecimal toDecimal(Object value) {
        switch (kind) {
            case INT, SHORT, BYTE, LONG:
                return BigDecimal.valueOf(((Number) value).longValue());
            case DOUBLE:
                return finite(((Double) value).doubleValue());
            case FLOAT:
                float f = (Float) value;
                if (Float.isNaN(f) || Float.isInfinite(f)) {
                    throw new IllegalArgumentException(
                            f + " cannot be stored: DynamoDB numbers have no NaN or infinity");
                }
                return storable(new BigDecimal(Float.toString(f)));
            case BIG_INTEGER:
                return storable(new BigDecimal((BigInteger) value));
            default:
                return storable((BigDecimal) value);
        }
    }

    /** A finite double within DynamoDB's range, as the decimal {@link Double#toString} shows it. */
    static BigDecimal finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(d + " cannot be stored: DynamoDB numbers have no NaN or infinity");
        }
        return storable(BigDecimal.valueOf(d));
    }

    /**
     * The value itself if DynamoDB can store it: at most 38 significant digits, and zero or a
     * magnitude from 1E-130 to 9.9999999999999999999999999999999999999E+125 (the service rejects
     * anything else with "Number overflow" or "Number underflow", naming no attribute).
     */
    static BigDecimal storable(BigDecimal value) {
        if (value.signum() == 0) {
            return value;
        }
        int precision = value.precision();
        // The adjusted exponent does not change when trailing zeros are stripped.
        int exponent = precision - value.scale() - 1;
        if (precision <= 38 && exponent <= MAX_EXPONENT && exponent >= MIN_EXPONENT) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > 38) {
            throw new IllegalArgumentException(
                    value.toPlainString().length() > 60
                            ? "a number of " + stripped.precision()
                                    + " significant digits cannot be stored: DynamoDB keeps at most 38"
                            : value + " has " + stripped.precision()
                                    + " significant digits; DynamoDB keeps at most 38 (round it first)");
        }
        if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
            throw new IllegalArgumentException(value + " is outside DynamoDB's number range: apart from 0, magnitudes"
                    + " go from " + RANGE + "; scale the value, or store it in a String field");
        }
        return value;
    }

    @Override
    public <V> Object read(V value, ValueFormat<V> from) {
        if (from.type(value) != ValueFormat.Type.N) {
            throw new IllegalArgumentException(
                    "expected a number (N) for " + name + ", found " + from.toItemValue(value));
        }
        try {
            return switch (kind) {
                case INT -> Math.toIntExact(from.asLong(value));
                case LONG -> from.asLong(value);
                case SHORT -> (short) narrow(from.asLong(value), Short.MIN_VALUE, Short.MAX_VALUE);
                case BYTE -> (byte) narrow(from.asLong(value), Byte.MIN_VALUE, Byte.MAX_VALUE);
                default -> fromDecimal(from.asNumber(value));
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    ((ItemValue.N) from.toItemValue(value)).value().toPlainString() + " does not fit a " + name, e);
        }
    }

    private static long narrow(long value, long min, long max) {
        if (value < min || value > max) {
            throw new ArithmeticException("out of range");
        }
        return value;
    }

    private Object fromDecimal(BigDecimal d) {
        try {
            return switch (kind) {
                case INT -> d.intValueExact();
                case LONG -> d.longValueExact();
                case SHORT -> d.shortValueExact();
                case BYTE -> d.byteValueExact();
                case DOUBLE -> d.doubleValue();
                case FLOAT -> d.floatValue();
                case BIG_INTEGER -> d.toBigIntegerExact();
                case BIG_DECIMAL -> d;
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(d.toPlainString() + " does not fit a " + name, e);
        }
    }

    @Override
    public Object coerce(Object value) {
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof BigInteger b) {
            d = new BigDecimal(b);
        } else if (value instanceof Double || value instanceof Float) {
            d = finite(((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            d = BigDecimal.valueOf(n.longValue());
        } else if (value instanceof String s) {
            try {
                d = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a number (expected " + name + ")", e);
            }
        } else {
            throw new IllegalArgumentException(
                    "expected a " + name + ", got " + value.getClass().getName());
        }
        return fromDecimal(d);
    }

    @Override
    public String keyString(Object value) {
        return switch (kind) {
            case INT, SHORT, BYTE, LONG -> Long.toString(((Number) value).longValue());
            default -> toDecimal(value).toPlainString();
        };
    }

    @Override
    public char scalarKind() {
        return 'N';
    }

    @Override
    public boolean keyable() {
        return true;
    }

    @Override
    public String describe() {
        return name;
    }
}
