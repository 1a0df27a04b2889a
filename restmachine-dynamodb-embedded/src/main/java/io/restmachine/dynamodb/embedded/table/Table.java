package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import io.restmachine.dynamodb.embedded.value.SizedItem;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One table: its current definition, its items in key order and one ordered map per secondary
 * index holding each item's projection. Reads need no lock (the maps are concurrent); every
 * change goes through {@link Database}, which holds the item's lock stripe while it applies it.
 *
 * <p>Sizes are kept as the items change, never by walking them: the item count and size of the
 * table and of each index (DescribeTable), and, for a table with local secondary indexes, the
 * size of each item collection (all items of one partition key value plus their local index
 * entries), which DynamoDB limits to 10 GB. Sizes follow DynamoDB's documented rules: an item is
 * the UTF-8 length of its attribute names plus its values' sizes; an index entry is its projected
 * attributes (which include the table and index keys) plus 100 bytes of overhead.
 */
public final class Table {
    /** The bytes DynamoDB adds to every secondary index entry for its own bookkeeping. */
    static final long INDEX_ENTRY_OVERHEAD = 100;

    private volatile TableDefinition definition;
    private final ConcurrentSkipListMap<StoreKey, Map<String, DynamoValue>> items = new ConcurrentSkipListMap<>();
    /**
     * The same items by key, for point reads (GetItem, and every write's read of the item it
     * replaces): one hash probe instead of a walk down the skip list, whose dozens of dependent
     * memory loads grow with the table (issue 15's profile: most of GetItem's engine time at 100,000
     * items). About 40 bytes per item; kept in step with {@link #items} under the key's lock.
     */
    private final ConcurrentHashMap<StoreKey, Map<String, DynamoValue>> byKey = new ConcurrentHashMap<>();

    private volatile Map<String, ConcurrentSkipListMap<StoreKey, Map<String, DynamoValue>>> indexes;
    private final ExpiryIndex expiry = new ExpiryIndex();
    private final AtomicLong itemCount = new AtomicLong();
    private final AtomicLong sizeBytes = new AtomicLong();
    private volatile Map<String, IndexStats> indexStats;
    private final ConcurrentHashMap<StoreKey, Long> collections = new ConcurrentHashMap<>();

    Table(TableDefinition definition) {
        this.definition = definition;
        Map<String, ConcurrentSkipListMap<StoreKey, Map<String, DynamoValue>>> maps = new HashMap<>();
        Map<String, IndexStats> stats = new HashMap<>();
        for (IndexDefinition index : definition.indexes()) {
            maps.put(index.name(), new ConcurrentSkipListMap<>());
            stats.put(index.name(), new IndexStats());
        }
        this.indexes = Map.copyOf(maps);
        this.indexStats = Map.copyOf(stats);
    }

    /** The table's current definition. */
    public TableDefinition definition() {
        return definition;
    }

    /** The name of the table. */
    public String name() {
        return definition.name();
    }

    /** The item stored under {@code key}, or null. */
    public @Nullable Map<String, DynamoValue> get(StoreKey key) {
        return byKey.get(key);
    }

    /** The table's items in key (Scan) order; a read-only live view. */
    public NavigableMap<StoreKey, Map<String, DynamoValue>> items() {
        return java.util.Collections.unmodifiableNavigableMap(items);
    }

    /** The entries of index {@code name} in index order; a read-only live view. */
    public NavigableMap<StoreKey, Map<String, DynamoValue>> index(String name) {
        return java.util.Collections.unmodifiableNavigableMap(indexes.get(name));
    }

    /** The key under which {@code item} (which has the table's key attributes) is stored. */
    public StoreKey keyOf(Map<String, DynamoValue> item) {
        KeySchema key = definition.key();
        return StoreKey.of(item.get(key.hashName()), key.rangeName() == null ? null : item.get(key.rangeName()));
    }

    /** The key of {@code item} in {@code index}, or null when the item lacks an index key (sparse). */
    public @Nullable StoreKey indexKeyOf(IndexDefinition index, Map<String, DynamoValue> item) {
        KeySchema indexKey = index.key();
        DynamoValue partition = item.get(indexKey.hashName());
        DynamoValue sort = indexKey.rangeName() == null ? null : item.get(indexKey.rangeName());
        if (partition == null || (indexKey.rangeName() != null && sort == null)) {
            return null;
        }
        if (!partition.type().equals(indexKey.hashType())
                || (sort != null && !sort.type().equals(indexKey.rangeType()))) {
            return null;
        }
        KeySchema tableKey = definition.key();
        return StoreKey.ofIndex(
                partition,
                sort,
                item.get(tableKey.hashName()),
                tableKey.rangeName() == null ? null : item.get(tableKey.rangeName()));
    }

    /** The attributes of {@code item} that {@code index} projects. */
    public Map<String, DynamoValue> project(IndexDefinition index, Map<String, DynamoValue> item) {
        if (index.projectsAll()) {
            return item;
        }
        Map<String, DynamoValue> projected = new LinkedHashMap<>();
        for (Map.Entry<String, DynamoValue> entry : item.entrySet()) {
            String name = entry.getKey();
            if (definition.key().contains(name)
                    || index.key().contains(name)
                    || index.nonKeyAttributes().contains(name)) {
                projected.put(name, entry.getValue());
            }
        }
        return java.util.Collections.unmodifiableMap(projected);
    }

    /** Applies one item change to the table, its indexes and its sizes; only {@link Database} calls this. */
    void apply(StoreKey key, @Nullable Map<String, DynamoValue> before, @Nullable Map<String, DynamoValue> after) {
        TableDefinition current = definition;
        long beforeSize = before == null ? 0 : DynamoValues.size(before);
        long afterSize = after == null ? 0 : DynamoValues.size(after);
        long collectionDelta = afterSize - beforeSize;
        for (IndexDefinition index : current.indexes()) {
            ConcurrentSkipListMap<StoreKey, Map<String, DynamoValue>> map = indexes.get(index.name());
            StoreKey oldKey = before == null ? null : indexKeyOf(index, before);
            StoreKey newKey = after == null ? null : indexKeyOf(index, after);
            long entryDelta = 0;
            int countDelta = 0;
            if (oldKey != null) {
                entryDelta -= entrySize(index, before, beforeSize);
                countDelta--;
                if (!oldKey.equals(newKey)) {
                    map.remove(oldKey);
                }
            }
            if (newKey != null) {
                entryDelta += entrySize(index, after, afterSize);
                countDelta++;
                map.put(newKey, project(index, after));
            }
            IndexStats stats = indexStats.get(index.name());
            if (stats != null) {
                stats.add(countDelta, entryDelta);
            }
            if (!index.global()) {
                collectionDelta += entryDelta;
            }
        }
        expiry.update(current.ttlAttribute(), key, before, after);
        if (after == null) {
            items.remove(key);
            byKey.remove(key);
        } else {
            SizedItem stored = SizedItem.of(after, afterSize);
            items.put(key, stored);
            byKey.put(key, stored);
        }
        itemCount.addAndGet((after == null ? 0 : 1) - (before == null ? 0 : 1));
        sizeBytes.addAndGet(afterSize - beforeSize);
        if (!current.localIndexes().isEmpty() && collectionDelta != 0) {
            collections.merge(collectionKey(key), collectionDelta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /**
     * How many bytes the item collection of {@code key}'s partition would grow by if the item
     * under {@code key} went from {@code before} to {@code after}: the item's size change plus that
     * of its local index entries. Zero for a table without local secondary indexes.
     */
    public long collectionGrowth(@Nullable Map<String, DynamoValue> before, @Nullable Map<String, DynamoValue> after) {
        TableDefinition current = definition;
        if (current.localIndexes().isEmpty()) {
            return 0;
        }
        long beforeSize = before == null ? 0 : DynamoValues.size(before);
        long afterSize = after == null ? 0 : DynamoValues.size(after);
        long growth = afterSize - beforeSize;
        for (IndexDefinition index : current.localIndexes()) {
            if (before != null && indexKeyOf(index, before) != null) {
                growth -= entrySize(index, before, beforeSize);
            }
            if (after != null && indexKeyOf(index, after) != null) {
                growth += entrySize(index, after, afterSize);
            }
        }
        return growth;
    }

    /**
     * The size in bytes of the item collection of the partition {@code key} belongs to: its items
     * plus their local index entries; 0 for a table without local secondary indexes.
     */
    public long collectionSize(StoreKey key) {
        Long size = collections.get(collectionKey(key));
        return size == null ? 0 : size;
    }

    /** Whether the table has local secondary indexes, and so item collections DynamoDB measures. */
    public boolean hasItemCollections() {
        return !definition.localIndexes().isEmpty();
    }

    private static StoreKey collectionKey(StoreKey key) {
        return StoreKey.partitionBound(key.partition(), -1);
    }

    /** The size of {@code item}'s entry in {@code index}: its projected attributes plus the overhead. */
    private long entrySize(IndexDefinition index, Map<String, DynamoValue> item, long itemSize) {
        if (index.projectsAll()) {
            return itemSize + INDEX_ENTRY_OVERHEAD;
        }
        long size = INDEX_ENTRY_OVERHEAD;
        KeySchema tableKey = definition.key();
        for (Map.Entry<String, DynamoValue> entry : item.entrySet()) {
            String name = entry.getKey();
            if (tableKey.contains(name)
                    || index.key().contains(name)
                    || index.nonKeyAttributes().contains(name)) {
                size += DynamoValues.utf8Length(name) + DynamoValues.size(entry.getValue());
            }
        }
        return size;
    }

    /** Replaces the definition, building the maps of new indexes; callers hold every lock stripe. */
    void redefine(TableDefinition next) {
        Map<String, ConcurrentSkipListMap<StoreKey, Map<String, DynamoValue>>> maps = new HashMap<>();
        if (!Objects.equals(definition.ttlAttribute(), next.ttlAttribute())) {
            expiry.rebuild(next.ttlAttribute(), items);
        }
        Map<String, IndexStats> allStats = new HashMap<>();
        this.definition = next;
        for (IndexDefinition index : next.indexes()) {
            ConcurrentSkipListMap<StoreKey, Map<String, DynamoValue>> map = indexes.get(index.name());
            IndexStats stats = indexStats.get(index.name());
            if (map == null || stats == null) {
                map = new ConcurrentSkipListMap<>();
                stats = new IndexStats();
                for (Map<String, DynamoValue> item : items.values()) {
                    StoreKey indexKey = indexKeyOf(index, item);
                    if (indexKey != null) {
                        map.put(indexKey, project(index, item));
                        stats.add(1, entrySize(index, item, DynamoValues.size(item)));
                    }
                }
            }
            maps.put(index.name(), map);
            allStats.put(index.name(), stats);
        }
        this.indexes = Map.copyOf(maps);
        this.indexStats = Map.copyOf(allStats);
    }

    /**
     * The keys of the items that time to live deletes at {@code now} (see {@link ExpiryIndex}), in
     * expiry order, without walking the other items; a live view.
     */
    public Iterable<StoreKey> dueForExpiry(Instant now) {
        return expiry.due(now);
    }

    /** Whether time to live deletes this item at {@code now}, by the table's current setting. */
    public boolean isDueForExpiry(Map<String, DynamoValue> item, Instant now) {
        return ExpiryIndex.due(ExpiryIndex.expiry(definition.ttlAttribute(), item), now);
    }

    /** Number of items, kept as items are written. */
    public long itemCount() {
        return itemCount.get();
    }

    /** The total size of the table's items in bytes, kept as items are written. */
    public long sizeBytes() {
        return sizeBytes.get();
    }

    /** The number of entries of index {@code name}, kept as items are written; 0 for an unknown index. */
    public long indexItemCount(String name) {
        IndexStats stats = indexStats.get(name);
        return stats == null ? 0 : stats.entries.get();
    }

    /**
     * The total size of index {@code name}'s entries in bytes (100 bytes of overhead each
     * included), kept as items are written; 0 for an unknown index.
     */
    public long indexSizeBytes(String name) {
        IndexStats stats = indexStats.get(name);
        return stats == null ? 0 : stats.bytes.get();
    }

    /** Entry count and size of one secondary index. */
    private static final class IndexStats {
        final AtomicLong entries = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        void add(int entryDelta, long byteDelta) {
            if (entryDelta != 0) {
                entries.addAndGet(entryDelta);
            }
            if (byteDelta != 0) {
                bytes.addAndGet(byteDelta);
            }
        }
    }
}
