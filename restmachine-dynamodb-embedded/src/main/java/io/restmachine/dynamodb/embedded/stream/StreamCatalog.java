package io.restmachine.dynamodb.embedded.stream;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Every stream of the engine, enabled or disabled within the last 24 hours, by ARN, and the one
 * sequence counter their records draw from. Records older than {@link #RETENTION} and streams
 * disabled longer than that are dropped by {@link #trim}, which reads the engine's clock, so tests
 * move a clock instead of sleeping.
 */
public final class StreamCatalog {
    /** How long DynamoDB keeps stream records, and a disabled stream. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private final ConcurrentHashMap<String, ChangeStream> streams = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** A reserved record on its way into {@code stream} (a write being committed). */
    public record Pending(ChangeStream stream, ChangeRecord record) {}

    /** A record as logged: the ARN of its stream and the record. */
    public record Emitted(String streamArn, ChangeRecord record) {}

    /** A fresh sequence number (a new shard's start, or a record's). */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** The sequence the next record would get, without taking it. */
    public long nextSequenceWithoutTaking() {
        return sequence.get() + 1;
    }

    /** The stream with this ARN, if it is held. */
    public Optional<ChangeStream> find(String arn) {
        return Optional.ofNullable(streams.get(arn));
    }

    /** Every stream held, oldest first (then by ARN). */
    public List<ChangeStream> all() {
        List<ChangeStream> all = new ArrayList<>(streams.values());
        all.sort(Comparator.comparingLong(ChangeStream::createdMillis).thenComparing(ChangeStream::arn));
        return all;
    }

    /**
     * Makes the catalogue hold the stream {@code setting} describes for the table: opens it if it
     * is new, closes it if the setting says it is disabled. Idempotent, so recovery may call it
     * for every definition it replays.
     */
    public void sync(
            String tableName,
            String tableId,
            String tableArn,
            String hashKey,
            @Nullable String rangeKey,
            @Nullable StreamSetting setting) {
        if (setting == null) {
            return;
        }
        String arn = setting.arn(tableArn);
        ChangeStream stream = streams.computeIfAbsent(
                arn,
                a -> new ChangeStream(
                        a,
                        setting.label(),
                        tableName,
                        tableId,
                        setting.viewType(),
                        hashKey,
                        rangeKey,
                        setting.createdAt().toEpochMilli(),
                        setting.startSequence()));
        bump(setting.startSequence());
        if (setting.disabledAt() != null) {
            stream.close(setting.disabledAt());
        }
    }

    /** Closes the stream {@code arn} (its table was deleted) at {@code now}. */
    public void close(String arn, Instant now) {
        ChangeStream stream = streams.get(arn);
        if (stream != null) {
            stream.close(now.toEpochMilli());
        }
    }

    /**
     * Reserves the record of one item change for {@code stream}: null when the write changed
     * nothing. The caller holds the item's lock, logs the write, applies it, then calls
     * {@link #publish} (or {@link #release} if it failed).
     */
    public @Nullable Pending reserve(
            ChangeStream stream,
            Instant now,
            Map<String, DynamoValue> keys,
            @Nullable Map<String, DynamoValue> before,
            @Nullable Map<String, DynamoValue> after,
            boolean byService) {
        if (java.util.Objects.equals(before, after)) {
            return null;
        }
        synchronized (stream) {
            long next = nextSequence();
            ChangeRecord record =
                    ChangeRecord.of(next, now.getEpochSecond(), stream.viewType(), keys, before, after, byService);
            if (record == null) {
                return null;
            }
            stream.reserve(next);
            return new Pending(stream, record);
        }
    }

    /** Makes reserved records readable. */
    public void publish(List<Pending> pending) {
        for (Pending p : pending) {
            p.stream().publish(p.record());
        }
    }

    /** Gives back reservations whose write failed. */
    public void release(List<Pending> pending) {
        for (Pending p : pending) {
            p.stream().release(p.record().sequence());
        }
    }

    /** Adds a recovered record to its stream (if that stream is held) and advances the counter past it. */
    public void restore(String arn, ChangeRecord record) {
        bump(record.sequence());
        ChangeStream stream = streams.get(arn);
        if (stream != null) {
            stream.restore(record);
        }
    }

    /** Replaces (or adds) a stream from a snapshot, with its trim point and records. */
    public void restore(
            ChangeStream stream, @Nullable Long disabledAt, long trimmedThrough, List<ChangeRecord> records) {
        ChangeStream held = streams.computeIfAbsent(stream.arn(), a -> stream);
        bump(held.startSequence());
        if (disabledAt != null) {
            held.close(disabledAt);
        }
        held.restoreTrimmedThrough(trimmedThrough);
        bump(trimmedThrough);
        for (ChangeRecord record : records) {
            bump(record.sequence());
            held.restore(record);
        }
    }

    private void bump(long seen) {
        sequence.accumulateAndGet(seen, Math::max);
    }

    /**
     * Drops records created more than 24 hours before {@code now}, and streams disabled more than
     * 24 hours before it.
     */
    public void trim(Instant now) {
        Instant cutoff = now.minus(RETENTION);
        for (ChangeStream stream : streams.values()) {
            Long disabled = stream.disabledAt();
            if (disabled != null && disabled < cutoff.toEpochMilli()) {
                streams.remove(stream.arn());
                continue;
            }
            stream.trim(cutoff.getEpochSecond());
        }
    }
}
