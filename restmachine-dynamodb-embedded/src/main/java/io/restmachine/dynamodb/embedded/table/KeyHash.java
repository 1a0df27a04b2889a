package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * The 24-bit hash that orders partitions in a Scan. DynamoDB orders a Scan by a hash of the
 * partition key; we use the ordering that dynalite documents and exposes (the first three bytes of
 * MD5 over a fixed salt and the key's canonical bytes: UTF-8 for strings, the raw bytes for binary,
 * and DynamoDB's base-100 sortable encoding for numbers), so both engines page through a Scan in the
 * same order. Parallel-scan segments split this hash space into equal ranges of 4096 buckets.
 */
public final class KeyHash {
    private static final byte[] SALT = "Outliers".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    });

    private KeyHash() {}

    /** The hash of a partition key value (and, for index tie-breaks, of a sort key value). */
    public static int of(DynamoValue hash, @Nullable DynamoValue range) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        md5.update(SALT);
        md5.update(bytes(hash));
        if (range != null) {
            md5.update(bytes(range));
        }
        byte[] digest = md5.digest();
        return ((digest[0] & 0xff) << 16) | ((digest[1] & 0xff) << 8) | (digest[2] & 0xff);
    }

    /** The bucket (0..4095) of a hash: parallel scan segments are ranges of buckets. */
    public static int bucket(int hash) {
        return hash >>> 12;
    }

    private static byte[] bytes(DynamoValue value) {
        if (value instanceof DynamoValue.S s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof DynamoValue.B b) {
            return b.value();
        }
        return numberBytes(((DynamoValue.N) value).value());
    }

    /**
     * DynamoDB's sortable number encoding: an exponent byte, then the mantissa in base-100 digits
     * (each plus one, or for negatives 101 minus it, with a 102 terminator for short negatives).
     */
    static byte[] numberBytes(BigDecimal number) {
        if (number.signum() == 0) {
            return new byte[] {(byte) 0x80};
        }
        BigDecimal stripped = number.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int e = digits.length() - stripped.scale() - 1;
        boolean negative = number.signum() < 0;
        int exponent = e + 1;
        int padFront = Math.floorMod(exponent, 2);
        String padded = (padFront == 1 ? "0" : "") + digits;
        if (padded.length() % 2 == 1) {
            padded = padded + "0";
        }
        int pairs = padded.length() / 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(pairs + 2);
        int head = Math.floorDiv(exponent + padFront, 2) - 64;
        out.write(negative ? ~head & 0xff : head & 0xff);
        for (int i = 0; i < pairs; i++) {
            int pair = (padded.charAt(2 * i) - '0') * 10 + (padded.charAt(2 * i + 1) - '0');
            out.write(negative ? 101 - pair : pair + 1);
        }
        int lengthWithoutExponent = (digits.length() + padFront + 1) / 2;
        if (negative && lengthWithoutExponent < 20) {
            out.write(102);
        }
        return out.toByteArray();
    }
}
