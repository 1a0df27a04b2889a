package io.restmachine.dynamodb.embedded.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One stream of one table and its single shard: the records in sequence order, from the oldest
 * not yet trimmed. A sequence is reserved before the write is logged and published after it is
 * applied; readers see only records below the lowest sequence still reserved, so a record that
 * is published late is never skipped by a reader that already moved past it.
 */
public final class ChangeStream {
    private final String arn;
    private final String label;
    private final String tableName;
    private final String tableId;
    private final ViewType viewType;
    private final String hashKey;
    private final @Nullable String rangeKey;
    private final long createdMillis;
    private final long startSequence;
    private final String shardId;
    private final List<ChangeRecord> records = new ArrayList<>();
    private final TreeSet<Long> reserved = new TreeSet<>();
    private @Nullable Long disabledAt;
    private long trimmedThrough;

    /** A new, empty stream; {@code startSequence} is the first sequence its shard may hold. */
    public ChangeStream(
            String arn,
            String label,
            String tableName,
            String tableId,
            ViewType viewType,
            String hashKey,
            @Nullable String rangeKey,
            long createdMillis,
            long startSequence) {
        this.arn = Objects.requireNonNull(arn, "arn");
        this.label = Objects.requireNonNull(label, "label");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.tableId = Objects.requireNonNull(tableId, "tableId");
        this.viewType = Objects.requireNonNull(viewType, "viewType");
        this.hashKey = Objects.requireNonNull(hashKey, "hashKey");
        this.rangeKey = rangeKey;
        this.createdMillis = createdMillis;
        this.startSequence = startSequence;
        this.trimmedThrough = startSequence - 1;
        this.shardId = String.format("shardId-%020d-%08x", createdMillis, (arn.hashCode() & 0xffffffffL));
    }

    public String arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String tableName() {
        return tableName;
    }

    public String tableId() {
        return tableId;
    }

    public ViewType viewType() {
        return viewType;
    }

    public String hashKey() {
        return hashKey;
    }

    public @Nullable String rangeKey() {
        return rangeKey;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public long startSequence() {
        return startSequence;
    }

    /** The id of the stream's one shard. */
    public String shardId() {
        return shardId;
    }

    /** When the stream was disabled (epoch milliseconds), or null while it is enabled. */
    public synchronized @Nullable Long disabledAt() {
        return disabledAt;
    }

    /** Closes the stream (and its shard) at {@code millis}; a closed stream stays closed. */
    public synchronized void close(long millis) {
        if (disabledAt == null) {
            disabledAt = millis;
        }
    }

    /** The sequence of the last record trimmed, or {@code startSequence - 1} if none was. */
    public synchronized long trimmedThrough() {
        return trimmedThrough;
    }

    /** Reserves {@code sequence} for a record to be published (or released) later. */
    synchronized void reserve(long sequence) {
        reserved.add(sequence);
    }

    /** Releases a reservation whose write did not happen. */
    synchronized void release(long sequence) {
        reserved.remove(sequence);
    }

    /** Adds a record whose sequence was reserved, in sequence order. */
    synchronized void publish(ChangeRecord record) {
        reserved.remove(record.sequence());
        insert(record);
    }

    /** Adds a recovered record unless it is already here (replaying twice changes nothing). */
    synchronized void restore(ChangeRecord record) {
        if (record.sequence() <= trimmedThrough) {
            return;
        }
        int at = position(record.sequence());
        if (at < records.size() && records.get(at).sequence() == record.sequence()) {
            return;
        }
        records.add(at, record);
    }

    /** Sets the trim point from a snapshot. */
    synchronized void restoreTrimmedThrough(long sequence) {
        trimmedThrough = Math.max(trimmedThrough, sequence);
        records.removeIf(r -> r.sequence() <= trimmedThrough);
    }

    private void insert(ChangeRecord record) {
        int at = records.size();
        while (at > 0 && records.get(at - 1).sequence() > record.sequence()) {
            at--;
        }
        records.add(at, record);
    }

    /** The first index whose record's sequence is at least {@code sequence}. */
    private int position(long sequence) {
        int low = 0;
        int high = records.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (records.get(mid).sequence() < sequence) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The sequence a LATEST iterator starts at: after every published record, before any reserved one. */
    public synchronized long latest(long nextSequence) {
        if (!reserved.isEmpty()) {
            return reserved.first();
        }
        return records.isEmpty()
                ? Math.max(trimmedThrough + 1, nextSequence)
                : records.get(records.size() - 1).sequence() + 1;
    }

    /** The sequence of the newest published record, or -1 if there is none. */
    public synchronized long lastSequence() {
        return records.isEmpty() ? -1 : records.get(records.size() - 1).sequence();
    }

    /**
     * Up to {@code limit} visible records from {@code from} on, stopping before {@code maxBytes}
     * would be passed (at least one record is returned when there is one).
     */
    public synchronized List<ChangeRecord> read(long from, int limit, long maxBytes) {
        long visibleBelow = reserved.isEmpty() ? Long.MAX_VALUE : reserved.first();
        List<ChangeRecord> page = new ArrayList<>();
        long bytes = 0;
        for (int i = position(from); i < records.size() && page.size() < limit; i++) {
            ChangeRecord record = records.get(i);
            if (record.sequence() >= visibleBelow) {
                break;
            }
            bytes += record.sizeBytes();
            if (!page.isEmpty() && bytes > maxBytes) {
                break;
            }
            page.add(record);
        }
        return page;
    }

    /** Whether every record from {@code from} on has been read and no more can come (closed shard). */
    public synchronized boolean exhausted(long from) {
        return disabledAt != null && reserved.isEmpty() && position(from) >= records.size();
    }

    /** Drops the records created before {@code cutoffSeconds}; returns how many. */
    synchronized int trim(long cutoffSeconds) {
        int count = 0;
        while (count < records.size() && records.get(count).createdSeconds() < cutoffSeconds) {
            count++;
        }
        if (count > 0) {
            trimmedThrough = records.get(count - 1).sequence();
            records.subList(0, count).clear();
        }
        return count;
    }

    /** A copy of the records held, oldest first (snapshots). */
    public synchronized List<ChangeRecord> records() {
        return List.copyOf(records);
    }
}
