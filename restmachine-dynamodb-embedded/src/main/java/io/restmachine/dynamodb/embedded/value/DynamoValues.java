package io.restmachine.dynamodb.embedded.value;

import java.math.BigDecimal;
import java.util.Map;

/**
 * DynamoDB's ordering and sizing of attribute values: strings by UTF-8 bytes, numbers by value,
 * binaries as unsigned bytes; item sizes as DynamoDB counts them for the 400 KB item limit, the
 * 1 MB page limit and consumed capacity.
 */
public final class DynamoValues {
    private DynamoValues() {}

    /**
     * Orders two scalar values of the same type ({@code S}, {@code N} or {@code B}) as DynamoDB
     * orders sort keys.
     *
     * @throws IllegalArgumentException when the values are of different types or not scalars
     */
    public static int compare(DynamoValue a, DynamoValue b) {
        if (a instanceof DynamoValue.S sa && b instanceof DynamoValue.S sb) {
            return compareUtf8(sa.value(), sb.value());
        }
        if (a instanceof DynamoValue.N na && b instanceof DynamoValue.N nb) {
            return na.value().compareTo(nb.value());
        }
        if (a instanceof DynamoValue.B ba && b instanceof DynamoValue.B bb) {
            return ba.compareTo(bb);
        }
        throw new IllegalArgumentException(
                "Only two values of the same type S, N or B can be ordered, not " + a.type() + " and " + b.type());
    }

    /** Whether two values can be ordered by {@link #compare}: both S, both N or both B. */
    public static boolean comparable(DynamoValue a, DynamoValue b) {
        return (a instanceof DynamoValue.S && b instanceof DynamoValue.S)
                || (a instanceof DynamoValue.N && b instanceof DynamoValue.N)
                || (a instanceof DynamoValue.B && b instanceof DynamoValue.B);
    }

    /**
     * Compares two strings by the unsigned bytes of their UTF-8 encodings, without encoding them:
     * UTF-8 byte order is code point order, which differs from Java's UTF-16 order only between
     * surrogate pairs and the characters U+E000..U+FFFF.
     */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (ca >= Character.MIN_SURROGATE && cb >= Character.MIN_SURROGATE) {
                    return Integer.compare(codePointRank(ca), codePointRank(cb));
                }
                return Integer.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Moves surrogates above U+E000..U+FFFF so that UTF-16 units order as their code points. */
    private static int codePointRank(char c) {
        return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
    }

    /** Whether {@code s} starts with {@code prefix}; the same in UTF-16 and UTF-8 for well-formed strings. */
    public static boolean beginsWith(DynamoValue value, DynamoValue prefix) {
        if (value instanceof DynamoValue.S s && prefix instanceof DynamoValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (value instanceof DynamoValue.B b && prefix instanceof DynamoValue.B p) {
            return startsWith(b, p);
        }
        return false;
    }

    private static boolean startsWith(DynamoValue.B value, DynamoValue.B prefix) {
        int length = prefix.length();
        if (length > value.length()) {
            return false;
        }
        // value() copies; binaries used as prefixes are small and this is off the hot path for S keys.
        byte[] v = value.value();
        byte[] p = prefix.value();
        return java.util.Arrays.equals(v, 0, length, p, 0, length);
    }

    /** The number of bytes of a string's UTF-8 encoding, counted without encoding it. */
    public static int utf8Length(String s) {
        int length = s.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < length
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // four bytes for the pair of two units
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /**
     * The size of an item as DynamoDB counts it: for each attribute, the UTF-8 length of its name
     * plus the size of its value.
     */
    public static long size(Map<String, DynamoValue> item) {
        if (item instanceof SizedItem sized) {
            return sized.bytes();
        }
        long total = 0;
        for (Map.Entry<String, DynamoValue> e : item.entrySet()) {
            total += utf8Length(e.getKey()) + size(e.getValue());
        }
        return total;
    }

    /**
     * The size of one value as DynamoDB counts it: strings by UTF-8 bytes, binaries by bytes,
     * numbers by about one byte per two significant digits plus one, {@code BOOL} and {@code NULL}
     * one byte, sets the sum of their elements, lists and maps three bytes plus one byte per element
     * (and the key's UTF-8 length for maps) plus the elements' sizes.
     */
    public static long size(DynamoValue value) {
        if (value instanceof DynamoValue.S s) {
            return utf8Length(s.value());
        }
        if (value instanceof DynamoValue.N n) {
            return numberSize(n.value());
        }
        if (value instanceof DynamoValue.B b) {
            return b.length();
        }
        if (value instanceof DynamoValue.Bool || value instanceof DynamoValue.Null) {
            return 1;
        }
        long total = 0;
        if (value instanceof DynamoValue.SS ss) {
            for (String s : ss.values()) {
                total += utf8Length(s);
            }
        } else if (value instanceof DynamoValue.NS ns) {
            for (DynamoValue.N n : ns.values()) {
                total += numberSize(n.value());
            }
        } else if (value instanceof DynamoValue.BS bs) {
            for (DynamoValue.B b : bs.values()) {
                total += b.length();
            }
        } else if (value instanceof DynamoValue.L l) {
            total = 3;
            for (DynamoValue element : l.values()) {
                total += 1 + size(element);
            }
        } else if (value instanceof DynamoValue.M m) {
            total = 3 + m.values().size() + size(m.values());
        }
        return total;
    }

    /**
     * DynamoDB stores numbers as base-100 digit pairs aligned on the decimal exponent, plus a byte
     * of sign and exponent; negative numbers carry one more terminator byte.
     */
    private static int numberSize(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        int digits = Numbers.significantDigits(value);
        int exponent = Numbers.leadingExponent(value);
        int size = 1 + (digits + 1) / 2;
        if (digits % 2 == 0 && exponent % 2 == 0) {
            size++;
        }
        if (value.signum() < 0) {
            size++;
        }
        return size;
    }
}
