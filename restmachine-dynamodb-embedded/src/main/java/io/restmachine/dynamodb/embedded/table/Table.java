package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * One table: its current definition, its items in key order and one ordered map per secondary
 * index holding each item's projection. Reads need no lock (the maps are concurrent); every
 * change goes through {@link Database}, which holds the item's lock stripe while it applies it.
 */
public final class Table {
    private volatile TableDefinition definition;
    private final ConcurrentSkipListMap<StoreKey, Map<String, AttributeValue>> items = new ConcurrentSkipListMap<>();
    private volatile Map<String, ConcurrentSkipListMap<StoreKey, Map<String, AttributeValue>>> indexes;
    private final ExpiryIndex expiry = new ExpiryIndex();

    Table(TableDefinition definition) {
        this.definition = definition;
        Map<String, ConcurrentSkipListMap<StoreKey, Map<String, AttributeValue>>> maps = new HashMap<>();
        for (IndexDefinition index : definition.indexes()) {
            maps.put(index.name(), new ConcurrentSkipListMap<>());
        }
        this.indexes = Map.copyOf(maps);
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
    public @Nullable Map<String, AttributeValue> get(StoreKey key) {
        return items.get(key);
    }

    /** The table's items in key (Scan) order; a read-only live view. */
    public NavigableMap<StoreKey, Map<String, AttributeValue>> items() {
        return java.util.Collections.unmodifiableNavigableMap(items);
    }

    /** The entries of index {@code name} in index order; a read-only live view. */
    public NavigableMap<StoreKey, Map<String, AttributeValue>> index(String name) {
        return java.util.Collections.unmodifiableNavigableMap(indexes.get(name));
    }

    /** The key under which {@code item} (which has the table's key attributes) is stored. */
    public StoreKey keyOf(Map<String, AttributeValue> item) {
        KeySchema key = definition.key();
        return StoreKey.of(item.get(key.hashName()), key.rangeName() == null ? null : item.get(key.rangeName()));
    }

    /** The key of {@code item} in {@code index}, or null when the item lacks an index key (sparse). */
    public @Nullable StoreKey indexKeyOf(IndexDefinition index, Map<String, AttributeValue> item) {
        KeySchema indexKey = index.key();
        AttributeValue partition = item.get(indexKey.hashName());
        AttributeValue sort = indexKey.rangeName() == null ? null : item.get(indexKey.rangeName());
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
    public Map<String, AttributeValue> project(IndexDefinition index, Map<String, AttributeValue> item) {
        if (index.projectsAll()) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            String name = entry.getKey();
            if (definition.key().contains(name)
                    || index.key().contains(name)
                    || index.nonKeyAttributes().contains(name)) {
                projected.put(name, entry.getValue());
            }
        }
        return java.util.Collections.unmodifiableMap(projected);
    }

    /** Applies one item change to the table and its indexes; only {@link Database} calls this. */
    void apply(
            StoreKey key, @Nullable Map<String, AttributeValue> before, @Nullable Map<String, AttributeValue> after) {
        TableDefinition current = definition;
        for (IndexDefinition index : current.indexes()) {
            ConcurrentSkipListMap<StoreKey, Map<String, AttributeValue>> map = indexes.get(index.name());
            StoreKey oldKey = before == null ? null : indexKeyOf(index, before);
            StoreKey newKey = after == null ? null : indexKeyOf(index, after);
            if (oldKey != null && !oldKey.equals(newKey)) {
                map.remove(oldKey);
            }
            if (newKey != null) {
                map.put(newKey, project(index, after));
            }
        }
        expiry.update(current.ttlAttribute(), key, before, after);
        if (after == null) {
            items.remove(key);
        } else {
            items.put(key, after);
        }
    }

    /** Replaces the definition, building the maps of new indexes; callers hold every lock stripe. */
    void redefine(TableDefinition next) {
        Map<String, ConcurrentSkipListMap<StoreKey, Map<String, AttributeValue>>> maps = new HashMap<>();
        if (!Objects.equals(definition.ttlAttribute(), next.ttlAttribute())) {
            expiry.rebuild(next.ttlAttribute(), items);
        }
        this.definition = next;
        for (IndexDefinition index : next.indexes()) {
            ConcurrentSkipListMap<StoreKey, Map<String, AttributeValue>> map = indexes.get(index.name());
            if (map == null) {
                map = new ConcurrentSkipListMap<>();
                for (Map<String, AttributeValue> item : items.values()) {
                    StoreKey indexKey = indexKeyOf(index, item);
                    if (indexKey != null) {
                        map.put(indexKey, project(index, item));
                    }
                }
            }
            maps.put(index.name(), map);
        }
        this.indexes = Map.copyOf(maps);
    }

    /**
     * The keys of the items that time to live deletes at {@code now} (see {@link ExpiryIndex}), in
     * expiry order, without walking the other items; a live view.
     */
    public Iterable<StoreKey> dueForExpiry(Instant now) {
        return expiry.due(now);
    }

    /** Whether time to live deletes this item at {@code now}, by the table's current setting. */
    public boolean isDueForExpiry(Map<String, AttributeValue> item, Instant now) {
        return ExpiryIndex.due(ExpiryIndex.expiry(definition.ttlAttribute(), item), now);
    }

    /** Number of items (walks the table). */
    public long itemCount() {
        return items.size();
    }
}
