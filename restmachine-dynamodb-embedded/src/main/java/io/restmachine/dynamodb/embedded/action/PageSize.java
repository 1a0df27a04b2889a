package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.SizedItem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The size an item counts for against the 1 MB a Query or Scan reads per page: not the item size of
 * the 400 KB limit (attribute names plus values) but DynamoDB's stored form, where every attribute
 * name takes one byte, each value carries a small header, and the item a per-3 KB overhead that
 * includes the sort key. So a page of large items holds fewer of them than 1 MB divided by their
 * item size (24 items of 44,000 bytes where the item size would allow 25). The rule is the one
 * dynalite measured against DynamoDB (its {@code itemSize(item, compress, addMetaSize)}); see
 * docs/conformance.md, "Limits and costs".
 */
final class PageSize {
    private PageSize() {}

    /**
     * The page size of {@code item} in a table whose sort key is {@code rangeKey} (null: none); a
     * stored item computes it once and keeps it.
     */
    static long of(Map<String, DynamoValue> item, @Nullable String rangeKey) {
        return item instanceof SizedItem stored ? stored.pageBytes(rangeKey, PageSize::walk) : walk(item, rangeKey);
    }

    private static long walk(Map<String, DynamoValue> item, @Nullable String rangeKey) {
        long size = 0;
        long rangeKeySize = 0;
        for (Map.Entry<String, DynamoValue> attribute : item.entrySet()) {
            if (attribute.getKey().equals(rangeKey)) {
                // The sort key counts without its header, in the overhead of every started 3 KB.
                rangeKeySize = plain(attribute.getValue());
            } else {
                size += stored(attribute.getValue()) + 1;
            }
        }
        return 2 + size + (1 + (1 + size) / 3072) * (18 + rangeKeySize);
    }

    /** A value with its storage header. */
    private static long stored(DynamoValue value) {
        long size = plain(value);
        if (value instanceof DynamoValue.S) {
            return size + (size < 128 ? 1 : size < 16384 ? 2 : 3);
        }
        if (value instanceof DynamoValue.B || value instanceof DynamoValue.N) {
            return size + 1;
        }
        if (value instanceof DynamoValue.SS set) {
            return size + set.values().size() + 1;
        }
        if (value instanceof DynamoValue.NS set) {
            return size + set.values().size() + 1;
        }
        if (value instanceof DynamoValue.BS set) {
            return size + set.values().size() + 1;
        }
        if (value instanceof DynamoValue.Null) {
            return 0;
        }
        if (value instanceof DynamoValue.Bool) {
            return 1;
        }
        return size; // lists and maps: their elements carry the headers
    }

    /** A value without its header (nested values of lists and maps carry theirs). */
    private static long plain(DynamoValue value) {
        if (value instanceof DynamoValue.S s) {
            return utf8(s.value());
        }
        if (value instanceof DynamoValue.B b) {
            return b.length();
        }
        if (value instanceof DynamoValue.N n) {
            return number(n.value());
        }
        if (value instanceof DynamoValue.SS set) {
            return set.values().stream().mapToLong(PageSize::utf8).sum();
        }
        if (value instanceof DynamoValue.NS set) {
            return set.values().stream().mapToLong(n -> number(n.value())).sum();
        }
        if (value instanceof DynamoValue.BS set) {
            return set.values().stream().mapToLong(DynamoValue.B::length).sum();
        }
        if (value instanceof DynamoValue.L list) {
            long size = 3;
            for (DynamoValue element : list.values()) {
                size += 1 + stored(element);
            }
            return size;
        }
        if (value instanceof DynamoValue.M map) {
            long size = 3 + map.values().size();
            for (DynamoValue nested : map.values().values()) {
                size += stored(nested) + 1;
            }
            return size;
        }
        return 1; // NULL and BOOL
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A number's stored size: its significant digits in pairs, with sign and exponent parity. */
    private static long number(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int digits = stripped.precision();
        int exponent = stripped.precision() - stripped.scale() - 1;
        return 1 + (digits + 1) / 2 + (digits % 2 != 0 || exponent % 2 != 0 ? 0 : 1) + (value.signum() < 0 ? 1 : 0);
    }
}
