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
    /** Deleted tables still shown as DELETING (already gone from the log and from {@link #tables}). */
    private final ConcurrentHashMap<String, Table> deleting = new ConcurrentHashMap<>();

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ReentrantLock schemaLock = new ReentrantLock();
    private final MutationLog log;
    private final Clock clock;
    private volatile long collectionLimit = ITEM_COLLECTION_LIMIT;
    private volatile TableDelays delays = TableDelays.NONE;
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

    /** How long tables stay CREATING, UPDATING and DELETING from now on (none by default). */
    public void delays(TableDelays delays) {
        this.delays = java.util.Objects.requireNonNull(delays, "delays");
    }

    /** The engine clock's time in epoch milliseconds: what table states are measured against. */
    public long nowMillis() {
        return clock.millis();
    }

    /**
     * The table named {@code name} as the control plane sees it, if it exists: an ACTIVE table, or
     * one still CREATING, UPDATING or DELETING.
     */
    public Optional<Table> find(String name) {
        Table table = tables.get(name);
        return table != null ? Optional.of(table) : stillDeleting(name);
    }

    private Optional<Table> stillDeleting(String name) {
        Table table = deleting.get(name);
        if (table == null) {
            return Optional.empty();
        }
        if (table.state(nowMillis()).isEmpty()) {
            deleting.remove(name, table);
            return Optional.empty();
        }
        return Optional.of(table);
    }

    /**
     * The table named {@code name} for an item operation, or DynamoDB's ResourceNotFoundException,
     * which a table still CREATING (or already DELETING) also gets.
     */
    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null
                || table.state(nowMillis())
                        .filter(s -> s.status().equals("CREATING"))
                        .isPresent()) {
            throw new DynamoError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found").toException();
        }
        return table;
    }

    /**
     * The tables that hold data, in name order: ACTIVE, CREATING and UPDATING ones, not those
     * already deleted and only still shown DELETING. What persistence snapshots and counts.
     */
    public List<Table> liveTables() {
        List<Table> live = new ArrayList<>(tables.values());
        live.sort(java.util.Comparator.comparing(Table::name));
        return live;
    }

    /** All table names in ascending order, DELETING tables included while they last. */
    public List<String> tableNames() {
        TreeSet<String> names = new TreeSet<>(tables.keySet());
        for (String name : deleting.keySet()) {
            stillDeleting(name).ifPresent(table -> names.add(name));
        }
        return new ArrayList<>(names);
    }

    /**
     * Creates a table, CREATING for {@link TableDelays#creating()}; ResourceInUseException if one of
     * that name exists (a DELETING one included).
     */
    public Table create(TableDefinition definition) {
        schemaLock.lock();
        try {
            if (tables.containsKey(definition.name())
                    || stillDeleting(definition.name()).isPresent()) {
                throw new DynamoError(ErrorType.RESOURCE_IN_USE, "Table already exists: " + definition.name())
                        .toException();
            }
            log.schema(definition);
            Table table = new Table(definition);
            Map<String, String> creating = new java.util.LinkedHashMap<>();
            definition.globalIndexes().forEach(index -> creating.put(index.name(), "CREATING"));
            TableState state = new TableState("CREATING", until(delays.creating()), definition, creating);
            logState(definition, state);
            table.state(state);
            tables.put(definition.name(), table);
            syncStream(definition);
            return table;
        } finally {
            schemaLock.unlock();
        }
    }

    /**
     * Deletes a table and its items at once (the log records it now) and shows it DELETING for
     * {@link TableDelays#deleting()}; returns the deleted table. As DynamoDB: a table still
     * CREATING or UPDATING is ResourceInUseException, one already DELETING is returned again.
     */
    public Table delete(String name) {
        schemaLock.lock();
        try {
            Table table = tables.get(name);
            if (table == null) {
                return stillDeleting(name).orElseThrow(() -> new DynamoError(
                                ErrorType.RESOURCE_NOT_FOUND,
                                "Requested resource not found: Table: " + name + " not found")
                        .toException());
            }
            requireActive(table);
            log.tableDeleted(name);
            tables.remove(name);
            long until = until(delays.deleting());
            table.state(new TableState("DELETING", until, table.definition(), Map.of()));
            if (until > nowMillis()) {
                deleting.put(name, table);
            }
            table.definition().streamArn().ifPresent(arn -> streams.close(arn, clock.instant()));
            return table;
        } finally {
            schemaLock.unlock();
        }
    }

    /**
     * ResourceInUseException unless {@code table} is ACTIVE: DynamoDB refuses to change a table
     * while an earlier change is in progress.
     */
    public void requireActive(Table table) {
        Optional<TableState> state = table.state(nowMillis());
        if (state.isPresent()) {
            String doing =
                    switch (state.get().status()) {
                        case "CREATING" -> "created";
                        case "DELETING" -> "deleted";
                        default -> "updated";
                    };
            throw new DynamoError(
                            ErrorType.RESOURCE_IN_USE,
                            "Attempt to change a resource which is still in use: Table is being " + doing + ": "
                                    + table.name())
                    .toException();
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
     * Sets the tags of {@code table} to {@code tags} (logged first, under the schema lock, so that
     * concurrent TagResource and UntagResource calls do not lose each other's changes).
     */
    public void retag(Table table, java.util.function.UnaryOperator<Map<String, String>> change) {
        schemaLock.lock();
        try {
            Map<String, String> next = change.apply(table.tags());
            log.tags(table.definition(), next);
            table.tags(next);
        } finally {
            schemaLock.unlock();
        }
    }

    /**
     * UpdateTable's change: replaces the definition at once (new indexes are filled from the items)
     * and shows the table UPDATING, described as {@code shown} with {@code indexStatus}, for {@link
     * TableDelays#updating()}.
     */
    public void update(Table table, TableDefinition next, TableDefinition shown, Map<String, String> indexStatus) {
        exclusively(() -> {
            log.schema(next);
            TableDefinition before = table.definition();
            if (!before.payPerRequest() && !next.payPerRequest()) {
                table.throughputHistory(table.throughputHistory()
                        .changed(
                                before.readCapacity(),
                                before.writeCapacity(),
                                next.readCapacity(),
                                next.writeCapacity(),
                                clock.instant()));
            }
            TableState state = new TableState("UPDATING", until(delays.updating()), shown, indexStatus);
            logState(next, state);
            table.redefine(next);
            table.state(state);
        });
    }

    /** Logs a change that is still to complete, so that recovery shows it until it is due. */
    private void logState(TableDefinition definition, TableState state) {
        if (state.pendingAt(nowMillis())) {
            log.state(definition, state);
        }
    }

    /**
     * Recovery: {@code table} is again in the change {@code state} it was in when logged, until the
     * same engine-clock time (time the engine was down counts as time passed, as it does for
     * DynamoDB's own changes); one already due leaves the table ACTIVE.
     */
    public void restoreState(Table table, TableState state) {
        table.state(state);
    }

    private long until(java.time.Duration delay) {
        return delay.isZero() ? Long.MIN_VALUE : nowMillis() + delay.toMillis();
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
