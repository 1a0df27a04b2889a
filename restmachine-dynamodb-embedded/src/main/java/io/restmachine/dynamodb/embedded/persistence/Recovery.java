package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.Table;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a database from its directory: loads the snapshot (which names the first log
 * generation still needed), replays the log segments from that generation on, cuts away a torn
 * tail of the last segment (damage past its synced mark, keeping the bytes in a file beside it),
 * and refuses to open when anything else is damaged or missing: damage before a synced mark, a
 * segment that ends before its mark (cut short: acknowledged writes are missing), a missing
 * segment. {@link LogRepair} is the explicit step that accepts such a loss.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** The state recovery leaves behind: the segment to append to and what was found. */
    record Result(long generation, FileChannel channel, long size, long mark, RecoveryReport report) {}

    private final StoreDirectory directory;
    private final Database database;
    private final Replayer replayer;
    private long records;
    private @Nullable TornTail tornTail;

    Recovery(StoreDirectory directory, Database database) {
        this.directory = directory;
        this.database = database;
        this.replayer = new Replayer(database);
    }

    Result run() throws IOException {
        for (Path leftover : directory.leftovers()) {
            directory.disk().delete(leftover);
        }
        boolean snapshotLoaded = Files.exists(directory.snapshot());
        long first = snapshotLoaded ? loadSnapshot() : 1;
        List<Long> segments = directory.segments();
        for (long generation : segments) {
            if (generation < first) {
                // Left by a compaction that installed its snapshot but stopped before cleaning up.
                directory.disk().delete(directory.segment(generation));
            }
        }
        segments = segments.stream().filter(g -> g >= first).toList();
        checkContiguous(segments, first, snapshotLoaded);
        Segment last = null;
        for (int i = 0; i < segments.size(); i++) {
            last = replaySegment(segments.get(i), i == segments.size() - 1);
        }
        if (segments.isEmpty() && snapshotLoaded) {
            // Compaction creates this segment before it installs the snapshot, so someone removed it.
            LOG.warn(
                    "The log segment {} that follows the snapshot of {} is missing; writes acknowledged after"
                            + " that snapshot, if any, are lost. Starting a new, empty segment.",
                    directory.segment(first).getFileName(),
                    directory.root());
        }
        long generation;
        FileChannel channel;
        long size;
        long mark;
        if (last == null || last.version() == 1) {
            // A version 1 segment has no room for synced marks: new writes go to a new segment.
            generation = last == null ? first : last.generation() + 1;
            channel = directory.createSegment(generation);
            size = FileFormat.LOG_START;
            mark = FileFormat.LOG_START;
        } else {
            generation = last.generation();
            channel = directory.openSegment(generation);
            size = last.soundEnd();
            mark = last.mark();
        }
        long items = 0;
        for (String name : database.tableNames()) {
            items += database.find(name).map(Table::itemCount).orElse(0L);
        }
        RecoveryReport report = new RecoveryReport(
                directory.root(), snapshotLoaded, records, database.tableNames().size(), items, tornTail);
        return new Result(generation, channel, size, mark, report);
    }

    /** A replayed segment: its format version, where its sound records end, and its synced mark. */
    private record Segment(long generation, int version, long soundEnd, long mark) {}

    private long loadSnapshot() throws IOException {
        Path file = directory.snapshot();
        byte[] bytes = Files.readAllBytes(file);
        String headerProblem = FileFormat.checkHeader(
                Arrays.copyOf(bytes, Math.min(bytes.length, FileFormat.HEADER_SIZE)), FileFormat.SNAPSHOT_MAGIC, -1);
        if (headerProblem != null) {
            throw damagedSnapshot(file, 0, headerProblem);
        }
        long[] counted = new long[2];
        LogRecord.SnapshotEnd[] end = new LogRecord.SnapshotEnd[1];
        RecordScanner.Result result = RecordScanner.scan(bytes, FileFormat.HEADER_SIZE, (offset, payload) -> {
            LogRecord record = decode(file, offset, payload);
            if (end[0] != null) {
                throw damagedSnapshot(file, offset, "a record follows the end record");
            }
            if (record instanceof LogRecord.SnapshotEnd snapshotEnd) {
                end[0] = snapshotEnd;
                return;
            }
            if (record instanceof LogRecord.Schema) {
                counted[0]++;
            } else if (record instanceof LogRecord.Items items) {
                counted[1] += items.changes().size();
            }
            replayer.apply(record);
        });
        if (result.damaged()) {
            throw damagedSnapshot(file, result.goodEnd(), result.problem());
        }
        if (end[0] == null) {
            throw damagedSnapshot(file, result.goodEnd(), "it ends without its end record");
        }
        if (end[0].tables() != counted[0] || end[0].items() != counted[1]) {
            throw damagedSnapshot(
                    file,
                    result.goodEnd(),
                    "its end record counts " + end[0].tables() + " tables and " + end[0].items()
                            + " items but it holds " + counted[0] + " and " + counted[1]);
        }
        return FileFormat.generationOf(bytes);
    }

    private void checkContiguous(List<Long> segments, long first, boolean snapshotLoaded) {
        long expected = first;
        for (long generation : segments) {
            if (generation != expected) {
                String before = expected > first
                        ? directory.segment(expected - 1).getFileName().toString()
                        : snapshotLoaded ? "the snapshot" : "the start of the log";
                throw new StorageException("The log of " + directory.root() + " is missing "
                        + directory.segment(expected).getFileName() + ", which must follow " + before + " (the next"
                        + " segment present is " + directory.segment(generation).getFileName() + "): the writes it"
                        + " held cannot be recovered. Put the missing file back (e.g. from a backup). "
                        + LogRepair.advice(directory.root()));
            }
            expected++;
        }
    }

    private Segment replaySegment(long generation, boolean last) throws IOException {
        Path file = directory.segment(generation);
        byte[] bytes = Files.readAllBytes(file);
        SegmentCheck check = SegmentCheck.of(file, generation, bytes, (offset, payload) -> {
            replayer.apply(decode(file, offset, payload));
            records++;
        });
        String refusal = check.refusal(last);
        if (refusal != null) {
            throw new StorageException(refusal + " " + LogRepair.advice(directory.root()));
        }
        if (check.scan().damaged()) {
            long offset = check.scan().goodEnd();
            Path kept = LogRepair.cutAt(directory, file, bytes, offset, ".torn-at-" + offset);
            tornTail = new TornTail(file, offset, String.valueOf(check.scan().problem()), bytes.length - offset, kept);
            LOG.warn(
                    "Write-ahead log {} has a torn tail at offset {}, past its synced mark {}: {}; cut away {} bytes of"
                            + " the last group commit, which the crash interrupted before it was acknowledged"
                            + " (kept in {})",
                    file,
                    offset,
                    check.mark(),
                    check.scan().problem(),
                    bytes.length - offset,
                    kept.getFileName());
        }
        return new Segment(generation, check.version(), check.scan().goodEnd(), check.mark());
    }

    private static LogRecord decode(Path file, long offset, byte[] payload) {
        try {
            return LogRecord.decode(payload);
        } catch (IllegalArgumentException e) {
            throw new StorageException(
                    "The record at offset " + offset + " of " + file + " passes its checksum but cannot be decoded ("
                            + e.getMessage() + "): the file was written by an incompatible version of the engine."
                            + " Open it with the release that wrote it.",
                    e);
        }
    }

    private static StorageException damagedSnapshot(Path file, long offset, @Nullable String problem) {
        return new StorageException("The snapshot " + file + " is damaged at offset " + offset + " (" + problem
                + "). Snapshots are synced before they are installed, so this is damage to the storage, not an"
                + " interrupted write; the engine will not open the directory as it is. Restore the directory from"
                + " a backup.");
    }
}
