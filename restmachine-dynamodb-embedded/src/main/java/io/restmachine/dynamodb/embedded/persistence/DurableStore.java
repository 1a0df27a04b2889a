package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.stream.StreamCatalog;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.MutationLog;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.table.TableState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage of a persistent engine: recovers its {@link Database} from a directory, then records
 * every change in a write-ahead log before it becomes visible, and compacts the log into a
 * snapshot when it grows past a threshold and on close. Internal: {@link
 * io.restmachine.dynamodb.embedded.EmbeddedDynamoDB#persistent} is the way in.
 *
 * <p>A change is acknowledged only after its record is synced ({@link FileChannel#force});
 * concurrent writers share syncs (group commit). A directory is used by one engine at a time,
 * enforced with a lock on its {@code lock} file.
 */
public final class DurableStore implements MutationLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableStore.class);

    private final StoreDirectory directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Database database;
    private final Compaction policy;
    private final RecoveryReport report;
    private final LogWriter writer;
    private final ReentrantLock compaction = new ReentrantLock();
    private final AtomicBoolean compactionQueued = new AtomicBoolean();
    private final ExecutorService compactor;
    private volatile boolean recovering = true;
    private long generation;
    private boolean closed;

    /**
     * When the log is compacted into a snapshot: once it is larger than {@code thresholdBytes}
     * and also larger than {@code ratio} times the live data (the tables' sizes). The first
     * bound keeps small databases from compacting all the time; the second makes the log that
     * recovery replays proportional to the live data, not to the history: recovery reads at most
     * the snapshot plus {@code max(thresholdBytes, ratio x live data)} of log.
     *
     * @param thresholdBytes the log size under which the log is never compacted
     * @param ratio how many times the live data the log may grow to; 0 compacts at the threshold
     */
    public record Compaction(long thresholdBytes, double ratio) {
        /** 4 MiB, and as large as the live data. */
        public static final Compaction DEFAULT = new Compaction(4L * 1024 * 1024, 1.0);

        public Compaction {
            if (thresholdBytes < 1 || thresholdBytes > 1024L * 1024 * 1024) {
                throw new IllegalArgumentException(
                        "compactionThreshold must be between 1 byte and 1 GiB (1073741824), got " + thresholdBytes);
            }
            if (!(ratio >= 0 && ratio <= 1000)) {
                throw new IllegalArgumentException("compactionRatio must be between 0 and 1000, got " + ratio);
            }
        }

        boolean due(long logBytes, LongSupplier liveBytes) {
            return logBytes > thresholdBytes && (ratio == 0 || logBytes > ratio * liveBytes.getAsLong());
        }
    }

    private DurableStore(
            StoreDirectory directory, FileChannel lockChannel, FileLock lock, Clock clock, Compaction policy)
            throws IOException {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.policy = policy;
        // The database logs through this store; while recovering, the store records nothing.
        this.database = new Database(this, clock);
        Recovery.Result recovered = new Recovery(directory, database).run();
        this.generation = recovered.generation();
        this.writer =
                new LogWriter(recovered.channel(), directory.segment(generation), recovered.size(), recovered.mark());
        this.report = recovered.report();
        this.recovering = false;
        this.compactor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-dynamodb-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens (creating if needed) the directory {@code dir} and recovers what it holds.
     *
     * @param policy when the log is compacted into a snapshot
     * @param disk the file system calls that change the directory ({@link Disk#LOCAL}; tests inject crashes)
     * @throws StorageException if the directory is used by another engine or cannot be recovered
     */
    public static DurableStore open(Path dir, Clock clock, Compaction policy, Disk disk) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(policy, "policy");
        return locked(
                dir,
                disk,
                (directory, lockChannel, lock) -> new DurableStore(directory, lockChannel, lock, clock, policy));
    }

    /**
     * Accepts the loss of acknowledged writes that recovery refused to lose: cuts the log of
     * {@code dir} at its first damage (or marks a cut-short segment's end as synced), keeps the
     * cut bytes and sets aside later segments as {@code *.lost} files beside it, and deletes
     * nothing. Returns one line per change (empty if the log needed none).
     *
     * @throws StorageException if the directory is in use by a running engine
     */
    public static List<String> acceptLogLoss(Path dir) {
        return locked(dir, Disk.LOCAL, (directory, lockChannel, lock) -> {
            try {
                return LogRepair.run(directory);
            } finally {
                lock.release();
                closeQuietly(lockChannel);
            }
        });
    }

    /** Work done holding the directory's lock; it owns the channel and lock once it returns. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T run(StoreDirectory directory, FileChannel lockChannel, FileLock lock) throws IOException;
    }

    private static <T> T locked(Path dir, Disk disk, LockedWork<T> work) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(disk, "disk");
        StoreDirectory directory = new StoreDirectory(dir.toAbsolutePath(), disk);
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(directory.root());
            lockChannel = FileChannel.open(directory.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel, directory);
            try {
                return work.run(directory, lockChannel, lock);
            } catch (RuntimeException | IOException e) {
                if (lock.isValid()) {
                    lock.release();
                }
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new StorageException(
                    "Cannot open the persistent engine directory " + directory.root() + ": " + e
                            + ". Check that it is a writable directory on a local file system.",
                    e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel, StoreDirectory directory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new StorageException("The directory " + directory.root() + " is in use by another running"
                    + " EmbeddedDynamoDB (in this or another process; it holds " + directory.lockFile()
                    + "). Close that engine first, or open a different directory.");
        }
        return lock;
    }

    /** The recovered database; every change to it goes through this store's log. */
    public Database database() {
        return database;
    }

    /** What recovery found when the directory was opened. */
    public RecoveryReport recoveryReport() {
        return report;
    }

    @Override
    public void items(List<ItemWrite> writes) {
        items(writes, List.of());
    }

    @Override
    public void items(List<ItemWrite> writes, List<StreamCatalog.Emitted> records) {
        if (recovering) {
            return;
        }
        List<LogRecord.Change> changes = new ArrayList<>(writes.size());
        for (ItemWrite write : writes) {
            TableDefinition definition = write.table().definition();
            changes.add(new LogRecord.Change(
                    definition.name(),
                    definition.tableId(),
                    write.key().partition(),
                    write.key().sort(),
                    write.after()));
        }
        append(new LogRecord.Items(changes, records));
    }

    @Override
    public void schema(TableDefinition definition) {
        if (!recovering) {
            append(new LogRecord.Schema(definition));
        }
    }

    @Override
    public void tableDeleted(String name) {
        if (recovering) {
            return;
        }
        // Called before the table leaves the catalogue, so its identity can still be read.
        String tableId =
                database.find(name).map(table -> table.definition().tableId()).orElse("");
        append(new LogRecord.TableDeleted(name, tableId));
    }

    @Override
    public void tags(TableDefinition table, Map<String, String> tags) {
        if (!recovering) {
            append(new LogRecord.Tags(table.name(), table.tableId(), tags));
        }
    }

    @Override
    public void state(TableDefinition table, TableState state) {
        if (!recovering) {
            append(new LogRecord.State(table.name(), table.tableId(), state));
        }
    }

    private void append(LogRecord record) {
        long size = writer.append(record.encode());
        if (policy.due(size, this::liveBytes) && compactionQueued.compareAndSet(false, true)) {
            try {
                compactor.execute(() -> {
                    try {
                        compact();
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "Compacting the log of {} failed; it keeps growing until a compaction succeeds",
                                directory.root(),
                                e);
                    } finally {
                        compactionQueued.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Closing: close() compacts once more itself.
                compactionQueued.set(false);
            }
        }
    }

    /** The size of the live data: the items of every table, as DynamoDB counts them. */
    private long liveBytes() {
        long bytes = 0;
        for (Table table : database.liveTables()) {
            bytes += table.sizeBytes();
        }
        return bytes;
    }

    /**
     * Compacts now: starts a new log segment at a moment when no change is in progress, writes a
     * snapshot of the database, and then deletes the segments the snapshot replaces.
     *
     * @throws UncheckedIOException if the new segment or the snapshot cannot be written; nothing
     *     is lost then, the log still holds every change
     */
    public void compact() {
        compaction.lock();
        try {
            long next = generation + 1;
            FileChannel channel = directory.createSegment(next);
            FileChannel[] previous = new FileChannel[1];
            try {
                // The new segment holds only its header, so its size is known without asking the channel.
                database.exclusively(() -> {
                    try {
                        previous[0] = writer.switchTo(channel, directory.segment(next), FileFormat.LOG_START);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException e) {
                channel.close();
                directory.disk().delete(directory.segment(next));
                throw e;
            }
            generation = next;
            previous[0].close();
            SnapshotWriter.write(directory, database, next);
            for (long old : directory.segments()) {
                if (old < next) {
                    directory.disk().delete(directory.segment(old));
                }
            }
            LOG.debug(
                    "Compacted the log of {} into a snapshot; the log now starts at generation {}",
                    directory.root(),
                    next);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Compacting the log of " + directory.root() + " failed: " + e.getMessage()
                            + "; the log still holds every change",
                    e);
        } finally {
            compaction.unlock();
        }
    }

    /** Waits for a running compaction, compacts once more, and releases the directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        compactor.shutdown();
        try {
            while (!compactor.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("Waiting for the compaction of {} to finish before closing", directory.root());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // Nothing to fold in when the log holds nothing since the last snapshot.
            if (writer.size() > FileFormat.LOG_START || !Files.exists(directory.snapshot())) {
                compact();
            }
        } catch (RuntimeException e) {
            LOG.warn("The final compaction of {} failed; the next open replays the log instead", directory.root(), e);
        }
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warn("Closing the log of {} failed", directory.root(), e);
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Releasing the lock of {} failed", directory.root(), e);
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through this channel; closing it cannot lose anything.
        }
    }
}
