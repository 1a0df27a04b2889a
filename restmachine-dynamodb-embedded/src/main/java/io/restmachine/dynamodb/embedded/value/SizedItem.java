package io.restmachine.dynamodb.embedded.value;

import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongBiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A stored item that knows its size: the table computes an item's size once, when it stores it,
 * and every later read of the size ({@link DynamoValues#size(Map)}: the 1 MB page limit of a
 * Query or Scan, capacity units, the size bookkeeping of the next write to the same key) takes it
 * from here instead of walking the item again. Read-only, like every stored item, and held in
 * the compact form of {@link AttributeMap}.
 *
 * <p>It also keeps its wire encoding once it has been rendered (DynamoDB JSON, UTF-8: {@link
 * #encoded()}), so that every later GetItem, Query or Scan of the unchanged item copies bytes
 * instead of walking and rendering its values again. A write never changes a stored item, it
 * stores a new one, so the cached form cannot go stale; it is computed on the first read, not on
 * write, so items that are never read cost no memory for it, and only for small items (the
 * protocol's {@code AttributeJson.CACHED_ITEM_MAX_BYTES}), whose rendering costs most per byte.
 *
 * <p>Likewise it keeps the size it counts for against a Query or Scan page ({@link #pageBytes}),
 * which depends on the table's sort key name, once a read has computed it.
 */
public final class SizedItem extends AttributeMap {
    private final long bytes;
    /** The item rendered as DynamoDB JSON, once it has been read; null before. */
    private volatile byte @Nullable [] encoded;
    /** The page size with the sort key name it was computed for, once read; null before. */
    private volatile @Nullable PageBytes pageBytes;

    private record PageBytes(@Nullable String rangeKey, long bytes) {}

    private SizedItem(Map<String, DynamoValue> values, long bytes) {
        super(values);
        this.bytes = bytes;
    }

    /** {@code item} with its size, which the caller computed with {@link DynamoValues#size(Map)}. */
    public static SizedItem of(Map<String, DynamoValue> item, long bytes) {
        if (item instanceof SizedItem sized) {
            return sized;
        }
        return new SizedItem(item, bytes);
    }

    /** The item's size in bytes as DynamoDB counts it. */
    public long bytes() {
        return bytes;
    }

    /** The item's DynamoDB JSON (UTF-8) if it has been rendered before, else null. */
    public byte @Nullable [] encoded() {
        return encoded;
    }

    /**
     * Keeps {@code json} as this item's rendered form. Two threads rendering the same item at once
     * both compute the same bytes, so whichever write wins is correct.
     */
    public void encoded(byte[] json) {
        this.encoded = json;
    }

    /**
     * The size this item counts for against a page in a table whose sort key is {@code rangeKey}
     * (null: none), computing it with {@code size} on the first read for that key.
     */
    public long pageBytes(
            @Nullable String rangeKey, ToLongBiFunction<Map<String, DynamoValue>, @Nullable String> size) {
        PageBytes known = pageBytes;
        if (known != null && Objects.equals(known.rangeKey(), rangeKey)) {
            return known.bytes();
        }
        long bytes = size.applyAsLong(this, rangeKey);
        pageBytes = new PageBytes(rangeKey, bytes);
        return bytes;
    }
}
