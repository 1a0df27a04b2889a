package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The position of an item in a table or index: partition hash, partition key, sort key and (in an
 * index) the hash and key of the table item, compared in that order. A key may stop after the
 * partition or sort level and carry a {@code bound} instead: -1 sorts before, +1 after, every
 * complete key sharing its prefix, which makes range bounds for queries without sentinel values.
 */
public final class StoreKey implements Comparable<StoreKey> {
    static final int HASH = 0;
    static final int PARTITION = 1;
    static final int SORT = 2;
    static final int FULL = 3;

    private final int hash;
    private final @Nullable DynamoValue partition;
    private final @Nullable DynamoValue sort;
    private final int level;
    private final int bound;
    private final int tieHash;
    private final @Nullable DynamoValue tiePartition;
    private final @Nullable DynamoValue tieSort;

    private StoreKey(
            int hash,
            @Nullable DynamoValue partition,
            @Nullable DynamoValue sort,
            int level,
            int bound,
            int tieHash,
            @Nullable DynamoValue tiePartition,
            @Nullable DynamoValue tieSort) {
        this.hash = hash;
        this.partition = partition;
        this.sort = sort;
        this.level = level;
        this.bound = bound;
        this.tieHash = tieHash;
        this.tiePartition = tiePartition;
        this.tieSort = tieSort;
    }

    /** The key of a table item. */
    public static StoreKey of(DynamoValue partition, @Nullable DynamoValue sort) {
        return new StoreKey(KeyHash.of(partition, null), partition, sort, SORT, 0, 0, null, null);
    }

    /** The key of an index entry: the index key, then the table key to keep entries distinct. */
    public static StoreKey ofIndex(
            DynamoValue partition,
            @Nullable DynamoValue sort,
            DynamoValue tablePartition,
            @Nullable DynamoValue tableSort) {
        return new StoreKey(
                KeyHash.of(partition, null),
                partition,
                sort,
                FULL,
                0,
                KeyHash.of(tablePartition, tableSort),
                tablePartition,
                tableSort);
    }

    /** Before (-1) or after (+1) every key of this partition. */
    public static StoreKey partitionBound(DynamoValue partition, int bound) {
        return new StoreKey(KeyHash.of(partition, null), partition, null, PARTITION, bound, 0, null, null);
    }

    /** Before (-1) or after (+1) every key of this partition with this sort key value. */
    public static StoreKey sortBound(DynamoValue partition, DynamoValue sort, int bound) {
        return new StoreKey(KeyHash.of(partition, null), partition, sort, SORT, bound, 0, null, null);
    }

    /** Before (-1) or after (+1) every key whose partition hash is {@code hash}. */
    public static StoreKey hashBound(int hash, int bound) {
        return new StoreKey(hash, null, null, HASH, bound, 0, null, null);
    }

    /** The partition hash: Scan order and parallel-scan segment. */
    public int hash() {
        return hash;
    }

    public DynamoValue partition() {
        return Objects.requireNonNull(partition, "a bound has no partition");
    }

    public @Nullable DynamoValue sort() {
        return sort;
    }

    @Override
    public int compareTo(StoreKey other) {
        int c = Integer.compare(hash, other.hash);
        if (c != 0) {
            return c;
        }
        c = compareLevel(other, PARTITION);
        if (c != 2) {
            return c;
        }
        c = compareValues(partition, other.partition);
        if (c != 0) {
            return c;
        }
        c = compareLevel(other, SORT);
        if (c != 2) {
            return c;
        }
        c = compareValues(sort, other.sort);
        if (c != 0) {
            return c;
        }
        c = compareLevel(other, FULL);
        if (c != 2) {
            return c;
        }
        c = Integer.compare(tieHash, other.tieHash);
        if (c != 0) {
            return c;
        }
        c = compareValues(tiePartition, other.tiePartition);
        return c != 0 ? c : compareValues(tieSort, other.tieSort);
    }

    /** 2 when both keys have this level; otherwise the order their bounds decide. */
    private int compareLevel(StoreKey other, int wanted) {
        boolean mine = level >= wanted;
        boolean theirs = other.level >= wanted;
        if (mine && theirs) {
            return 2;
        }
        if (!mine && !theirs) {
            return Integer.compare(bound, other.bound);
        }
        return mine ? -other.bound : bound;
    }

    private static int compareValues(@Nullable DynamoValue a, @Nullable DynamoValue b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return DynamoValues.compare(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreKey other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return hash * 31 + (sort == null ? 0 : sort.hashCode());
    }

    @Override
    public String toString() {
        return "StoreKey[" + partition + ", " + sort + "]";
    }
}
