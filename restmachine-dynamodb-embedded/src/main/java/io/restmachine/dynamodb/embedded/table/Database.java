package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.stream.StreamCatalog;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The catalogue of tables and the one path through which every change passes. Concurrency: each
 * item maps to one of a fixed set of lock stripes; a single-item write holds its stripe while it
 * reads, checks its condition and writes, so it is atomic with its condition; a transaction takes
 * the stripes of all its items in ascending order (no deadlock) and is therefore isolated from
 * single writes; schema changes that rebuild an index take every stripe. Reads take no lock.
 */
public final class Database {
    private static final int STRIPES = 1024;

    /** DynamoDB's limit on an item collection of a table with local secondary indexes: 10 GB. */
    public static final long ITEM_COLLECTION_LIMIT = 10L * 1024 * 1024 * 1024;

    /** DynamoDB's message for a write that would take an item collection past its limit. */
    public static final String COLLECTION_SIZE_EXCEEDED = "Collection size exceeded.";

    private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ReentrantLock schemaLock = new ReentrantLock();
    private final MutationLog log;
    private final Clock clock;
    private volatile long collectionLimit = ITEM_COLLECTION_LIMIT;
    private final StreamCatalog streams = new StreamCatalog();

    public Database(MutationLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        Arrays.setAll(stripes, i -> new ReentrantLock());
    }

    /** The streams of the tables, enabled or disabled within the last 24 hours. */
    public StreamCatalog streams() {
        return streams;
    }

    /** The clock the engine reads (TTL expiry, creation times). */
    public Clock clock() {
        return clock;
    }

    /**
     * Lowers the item collection size limit (bytes) for writes from now on, so that tests can
     * reach it with a few kilobytes. Recovery replays with the default limit, so lowering it never
     * refuses data that was accepted before.
     */
    public void collectionLimit(long bytes) {
        if (bytes < 1 || bytes > ITEM_COLLECTION_LIMIT) {
            throw new IllegalArgumentException("the item collection size limit must be between 1 byte and 10 GiB ("
                    + ITEM_COLLECTION_LIMIT + "), got " + bytes);
        }
        this.collectionLimit = bytes;
    }

    /** The item collection size limit in bytes (10 GiB unless lowered for tests). */
    public long collectionLimit() {
        return collectionLimit;
    }

    /**
     * Which of {@code writes}, applied in order, would take an item collection past the limit:
     * their positions in the list, empty when all fit. Only writes that grow a collection can
     * overflow it; one that shrinks an oversized collection is allowed. Callers hold the stripes of
     * every item written.
     */
    public List<Integer> collectionOverflows(List<ItemWrite> writes) {
        List<Integer> overflows = List.of();
        Map<Map.Entry<Table, StoreKey>, Long> pending = null;
        long limit = collectionLimit;
        for (int i = 0; i < writes.size(); i++) {
            ItemWrite write = writes.get(i);
            Table table = write.table();
            if (!table.hasItemCollections()) {
                continue;
            }
            long growth = table.collectionGrowth(write.before(), write.after());
            if (pending == null) {
                pending = new java.util.HashMap<>();
            }
            Map.Entry<Table, StoreKey> collection =
                    Map.entry(table, StoreKey.partitionBound(write.key().partition(), -1));
            long earlier = pending.getOrDefault(collection, 0L);
            if (growth > 0 && table.collectionSize(write.key()) + earlier + growth > limit) {
                if (overflows.isEmpty()) {
                    overflows = new ArrayList<>();
                }
                overflows.add(i);
                continue;
            }
            pending.put(collection, earlier + growth);
        }
        return overflows;
    }

    /** The table named {@code name}, if it exists. */
    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The table named {@code name}, or DynamoDB's ResourceNotFoundException. */
    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new DynamoError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found").toException();
        }
        return table;
    }

    /** All table names in ascending order. */
    public List<String> tableNames() {
        List<String> names = new ArrayList<>(tables.keySet());
        names.sort(null);
        return names;
    }

    /** Creates a table; ResourceInUseException if one of that name exists. */
    public Table create(TableDefinition definition) {
        schemaLock.lock();
        try {
            if (tables.containsKey(definition.name())) {
                throw new DynamoError(ErrorType.RESOURCE_IN_USE, "Table already exists: " + definition.name())
                        .toException();
            }
            log.schema(definition);
            Table table = new Table(definition);
            tables.put(definition.name(), table);
            syncStream(definition);
            return table;
        } finally {
            schemaLock.unlock();
        }
    }

    /** Deletes a table and its items; returns the deleted table. */
    public Table delete(String name) {
        schemaLock.lock();
        try {
            Table table = tables.get(name);
            if (table == null) {
                throw new DynamoError(
                                ErrorType.RESOURCE_NOT_FOUND,
                                "Requested resource not found: Table: " + name + " not found")
                        .toException();
            }
            log.tableDeleted(name);
            tables.remove(name);
            table.definition().streamArn().ifPresent(arn -> streams.close(arn, clock.instant()));
            return table;
        } finally {
            schemaLock.unlock();
        }
    }

    /** Replaces a table's definition (new indexes are filled from the items), holding every stripe. */
    public void redefine(Table table, TableDefinition next) {
        exclusively(() -> {
            log.schema(next);
            table.redefine(next);
            syncStream(next);
        });
    }

    private void syncStream(TableDefinition definition) {
        KeySchema key = definition.key();
        streams.sync(
                definition.name(),
                definition.tableId(),
                definition.arn(),
                key.hashName(),
                key.rangeName(),
                definition.stream());
    }

    /**
     * Runs {@code work} while no change is in progress and none can start: holds the schema lock
     * and every stripe. Persistence uses it to start a new log segment at a clean boundary.
     */
    public void exclusively(Runnable work) {
        schemaLock.lock();
        try {
            for (ReentrantLock stripe : stripes) {
                stripe.lock();
            }
            try {
                work.run();
            } finally {
                for (ReentrantLock stripe : stripes) {
                    stripe.unlock();
                }
            }
        } finally {
            schemaLock.unlock();
        }
    }

    /** Runs {@code work} holding the lock stripe of the item {@code key} of {@code table}. */
    public <T> T locked(Table table, StoreKey key, Supplier<T> work) {
        ReentrantLock stripe = stripes[stripe(table, key)];
        stripe.lock();
        try {
            return work.get();
        } finally {
            stripe.unlock();
        }
    }

    /** Runs {@code work} holding the stripes of all the given items, taken in ascending order. */
    public <T> T locked(Collection<Map.Entry<Table, StoreKey>> items, Supplier<T> work) {
        TreeSet<Integer> wanted = new TreeSet<>();
        for (Map.Entry<Table, StoreKey> item : items) {
            wanted.add(stripe(item.getKey(), item.getValue()));
        }
        List<ReentrantLock> taken = new ArrayList<>(wanted.size());
        try {
            for (int index : wanted) {
                ReentrantLock stripe = stripes[index];
                stripe.lock();
                taken.add(stripe);
            }
            return work.get();
        } finally {
            for (int i = taken.size() - 1; i >= 0; i--) {
                taken.get(i).unlock();
            }
        }
    }

    private static int stripe(Table table, StoreKey key) {
        int h = System.identityHashCode(table) * 31 + key.hashCode();
        h ^= h >>> 16;
        return h & (STRIPES - 1);
    }

    /**
     * The single mutation path: checks the item collection size limit, logs the writes, then
     * applies them. Callers hold the stripes of every item written.
     *
     * @throws io.restmachine.dynamodb.embedded.error.EngineException ItemCollectionSizeLimitExceededException
     *     (nothing written) if a write would take an item collection past the limit
     */
    public void commit(List<ItemWrite> writes) {
        commit(writes, false);
    }

    /**
     * The single mutation path; {@code byService} marks the changes as made by DynamoDB itself
     * (time to live) in the stream records they emit. Records are reserved before the log call
     * and become readable once the writes are applied, so the stream never shows a change that
     * did not happen, and every change of a stream-enabled table is in the log with its record.
     */
    private void commit(List<ItemWrite> writes, boolean byService) {
        if (writes.isEmpty()) {
            return;
        }
        if (!collectionOverflows(writes).isEmpty()) {
            throw new DynamoError(ErrorType.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, COLLECTION_SIZE_EXCEEDED)
                    .toException();
        }
        List<StreamCatalog.Pending> pending = StreamEmission.reserve(streams, writes, clock.instant(), byService);
        if (pending.isEmpty()) {
            log.items(writes);
        } else {
            try {
                log.items(writes, StreamEmission.emitted(pending));
            } catch (RuntimeException e) {
                streams.release(pending);
                throw e;
            }
        }
        for (ItemWrite write : writes) {
            write.table().apply(write.key(), write.before(), write.after());
        }
        streams.publish(pending);
    }

    /**
     * Applies recovered changes: like {@link #commit} but without the collection limit and
     * without emitting stream records (the log holds the records they emitted).
     */
    public void replay(List<ItemWrite> writes) {
        log.items(writes);
        for (ItemWrite write : writes) {
            write.table().apply(write.key(), write.before(), write.after());
        }
    }

    /** One-item form of {@link #commit(List)}. */
    public void commit(ItemWrite write) {
        commit(List.of(write));
    }

    /**
     * Deletes every item that time to live has expired (see {@link Table#dueForExpiry}) through
     * the single mutation path, so indexes and the log see an ordinary delete; returns how many
     * were deleted (their stream records name DynamoDB as the deleting service), then trims the
     * streams' records older than 24 hours. Visits only the expired items. The scheduler calls this; tests may call it
     * directly.
     */
    public int expireNow() {
        Instant now = clock.instant();
        int deleted = 0;
        for (Table table : tables.values()) {
            for (StoreKey key : table.dueForExpiry(now)) {
                boolean removed = locked(table, key, () -> {
                    // The item may have changed since the index listed it: decide on what is stored now.
                    Map<String, DynamoValue> current = table.get(key);
                    if (current == null || !table.isDueForExpiry(current, now)) {
                        return false;
                    }
                    commit(List.of(new ItemWrite(table, key, current, null)), true);
                    return true;
                });
                if (removed) {
                    deleted++;
                }
            }
        }
        streams.trim(now);
        return deleted;
    }
}
